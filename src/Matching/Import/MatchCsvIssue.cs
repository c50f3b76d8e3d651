namespace Upt.Matching.Import;

/// <summary>A row of a match file that was left out or read with a caveat, and why.</summary>
/// <param name="Line">The 1-based line where the row starts.</param>
/// <param name="Message">What is wrong; names ids and columns, never profile field values.</param>
public sealed record MatchCsvIssue(int Line, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"line {Line}: {Message}";
}
