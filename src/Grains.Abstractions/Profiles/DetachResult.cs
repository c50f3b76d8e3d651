namespace Upt.Grains;

/// <summary>
/// What an absorbed profile answers a survivor: its fields to merge, or where it went when another
/// survivor absorbed it first (the merge must then continue with that profile), or neither when it does not exist.
/// </summary>
[GenerateSerializer, Immutable, Alias("upt.detach-result")]
public sealed record DetachResult(
    [property: Id(0)] string? FieldsJson,
    [property: Id(1)] string? MergedInto)
{
    public static DetachResult Missing { get; } = new(null, null);
}
