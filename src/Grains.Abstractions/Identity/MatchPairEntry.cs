namespace Upt.Grains;

/// <summary>A stored match pair with both profiles as they are now (fields only).</summary>
/// <param name="Source">The pair's source profile (in listings, the one whose id sorts first).</param>
/// <param name="Target">The other profile.</param>
/// <param name="Score">The latest score, 0 to 1.</param>
/// <param name="Diff">The profile fields that differed when the pair was scored; source values are <paramref name="Source"/>'s.</param>
/// <param name="FalsePositive">An operator marked the two as different travellers.</param>
/// <param name="MergeInProgress">A merge of one of the two profiles is running.</param>
/// <param name="Imported">The pair came from a third-party match file rather than Upt's own matching.</param>
[GenerateSerializer, Immutable, Alias("upt.match-pair-entry")]
public sealed record MatchPairEntry(
    [property: Id(0)] ProfileView Source,
    [property: Id(1)] ProfileView Target,
    [property: Id(2)] double Score,
    [property: Id(3)] IReadOnlyList<MatchPairDiff> Diff,
    [property: Id(4)] bool FalsePositive,
    [property: Id(5)] bool MergeInProgress,
    [property: Id(6)] bool Imported);
