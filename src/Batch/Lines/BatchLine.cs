namespace Upt.Batch.Lines;

/// <summary>One non-blank line of a JSONL file.</summary>
/// <param name="Number">The 1-based line number in the file.</param>
/// <param name="Data">The line's bytes without the line break; only the first bytes when <paramref name="TooLong"/>.</param>
/// <param name="Position">The byte offset just after the line (and its line break) in the file.</param>
/// <param name="TooLong">The line was longer than the reader's limit and was cut.</param>
public readonly record struct BatchLine(int Number, byte[] Data, long Position, bool TooLong);
