namespace Upt.Cli.Bench;

/// <summary>What the PostgreSQL ceiling run wrote: rows upserted, statements, wall time.</summary>
internal sealed record PgCeilingResult(long Rows, int Statements, TimeSpan Elapsed)
{
    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;
}
