namespace Upt.Grains;

/// <summary>What applying records changed (durably): the change events to publish.</summary>
[GenerateSerializer, Immutable, Alias("upt.apply-outcome")]
public sealed record ApplyOutcome(
    [property: Id(0)] string ProfileId,
    [property: Id(1)] IReadOnlyList<ProfileChangeEvent> Changes,
    [property: Id(2)] int Errors)
{
    /// <summary>Nothing changed.</summary>
    public static ApplyOutcome None(string profileId) => new(profileId, [], 0);
}
