namespace Upt.Storage;

/// <summary>What Upt's tables hold about a subject (<see cref="SubjectIds"/>).</summary>
/// <param name="Ids">The subject.</param>
/// <param name="Profiles">Profile rows: id and the profile it forwards to (null for the live one).</param>
/// <param name="TravellerRows">Traveller rows of the subject's traveller ids or profile ids.</param>
/// <param name="ObjectsByType">Object rows per object type.</param>
/// <param name="Lookups">Lookup rows as (kind, value): search entries and rule-index entries (whose grains may hold the subject in memory).</param>
/// <param name="HistoryRows">Merge history rows where a subject id is either side.</param>
/// <param name="UnmergeBlocks">Negative links (unmerge blocks) of a subject id.</param>
/// <param name="MatchPairs">Match pairs of a subject id, as (profile a, profile b).</param>
/// <param name="BlockMemberships">Fuzzy block memberships as (profile id, block key).</param>
/// <param name="ErrorIds">Error records whose traveller id, or whose raw record, names a subject id.</param>
public sealed record SubjectFootprint(
    SubjectIds Ids,
    IReadOnlyList<(string ProfileId, string? MergedInto)> Profiles,
    long TravellerRows,
    IReadOnlyDictionary<string, long> ObjectsByType,
    IReadOnlyList<(string Kind, string Value)> Lookups,
    long HistoryRows,
    long UnmergeBlocks,
    IReadOnlyList<(string ProfileA, string ProfileB)> MatchPairs,
    IReadOnlyList<(string ProfileId, string BlockKey)> BlockMemberships,
    IReadOnlyList<string> ErrorIds);
