namespace Upt.Storage;

/// <summary>A scored pair to store. The two ids may come in either order; the store keeps each pair once.</summary>
/// <param name="SourceProfileId">One profile.</param>
/// <param name="TargetProfileId">The other profile (must differ from <paramref name="SourceProfileId"/>).</param>
/// <param name="Score">The match score (0 to 1).</param>
/// <param name="Diff">The fields that differ; source values are <paramref name="SourceProfileId"/>'s.</param>
/// <param name="Source">Who scored the pair.</param>
public sealed record MatchPairWrite(string SourceProfileId, string TargetProfileId, double Score, IReadOnlyList<MatchFieldDiff> Diff, MatchPairSource Source);
