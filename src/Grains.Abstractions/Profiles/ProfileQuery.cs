namespace Upt.Grains;

/// <summary>What to read of a profile: which object types (null = all, empty = none) and which page of each.</summary>
[GenerateSerializer, Immutable, Alias("upt.profile-query")]
public sealed record ProfileQuery(
    [property: Id(0)] IReadOnlyList<string>? ObjectTypes,
    [property: Id(1)] int Page,
    [property: Id(2)] int PageSize)
{
    /// <summary>Profile-level fields only.</summary>
    public static ProfileQuery FieldsOnly { get; } = new([], 0, 0);
}
