namespace Upt.Matching.Import;

/// <summary>What a match file held.</summary>
/// <param name="Format">The layout found.</param>
/// <param name="Rows">Data rows read (header and blank lines not counted), good or bad.</param>
/// <param name="Groups">The groups of two or more profiles, in order of their first row.</param>
/// <param name="Issues">Rows left out or read with a caveat, by line.</param>
public sealed record MatchCsvResult(MatchCsvFormat Format, int Rows, IReadOnlyList<MatchGroup> Groups, IReadOnlyList<MatchCsvIssue> Issues);
