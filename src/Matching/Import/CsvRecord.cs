namespace Upt.Matching.Import;

/// <summary>One CSV record: its fields, or why it could not be split.</summary>
/// <param name="Line">The 1-based line where the record starts.</param>
/// <param name="Fields">The fields (unquoted; unquoted fields trimmed); empty when <paramref name="Error"/> is set.</param>
/// <param name="Error">Why the record is malformed, or null.</param>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, string? Error);
