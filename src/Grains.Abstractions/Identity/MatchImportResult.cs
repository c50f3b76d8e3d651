namespace Upt.Grains;

/// <summary>
/// What an import of third-party matches did: groups read, pairs among profiles that exist, pairs merged (score at or
/// above the auto-merge threshold), pairs stored for review, and ids that resolved to no profile (dropped, as in UPT).
/// </summary>
[GenerateSerializer, Immutable, Alias("upt.match-import-result")]
public sealed record MatchImportResult(
    [property: Id(0)] int Groups,
    [property: Id(1)] int Pairs,
    [property: Id(2)] int Merged,
    [property: Id(3)] int Stored,
    [property: Id(4)] IReadOnlyList<string> Unresolved);
