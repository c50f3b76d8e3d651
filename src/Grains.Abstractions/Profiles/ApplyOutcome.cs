namespace Upt.Grains;

/// <summary>What applying records changed (durably): the change events to publish.</summary>
[GenerateSerializer, Immutable, Alias("upt.apply-outcome")]
public sealed record ApplyOutcome(
    [property: Id(0)] string ProfileId,
    [property: Id(1)] IReadOnlyList<ProfileChangeEvent> Changes,
    [property: Id(2)] int Errors,
    [property: Id(3)] string? MergedInto = null,
    [property: Id(4)] string? AbsorbedMovedTo = null)
{
    /// <summary>Rule-index keys the caller must link (new on the profile, or not yet linked since activation).</summary>
    [Id(5)] public IReadOnlyList<RuleKeyRef> LinkKeys { get; init; } = [];

    /// <summary>Rule-index keys the profile no longer carries.</summary>
    [Id(6)] public IReadOnlyList<RuleKeyRef> UnlinkKeys { get; init; } = [];

    /// <summary>True when profile-level fields changed (fuzzy matching compares the profile again).</summary>
    [Id(7)] public bool FieldsChanged { get; init; }

    /// <summary>The profile is a side of an unmerge: its rule matches are checked against the negative links.</summary>
    [Id(8)] public bool UnmergeBlocked { get; init; }

    /// <summary>A survivor could not absorb a profile because another survivor took it first.</summary>
    public static ApplyOutcome AbsorbedElsewhere(string profileId, string otherSurvivor) => new(profileId, [], 0, null, otherSurvivor);

    /// <summary>The profile was merged away: apply again at <paramref name="survivor"/>.</summary>
    public static ApplyOutcome Forward(string profileId, string survivor) => new(profileId, [], 0, survivor);

    /// <summary>Nothing changed.</summary>
    public static ApplyOutcome None(string profileId) => new(profileId, [], 0);
}
