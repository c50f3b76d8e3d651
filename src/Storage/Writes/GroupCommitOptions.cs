using System.ComponentModel.DataAnnotations;

namespace Upt.Storage;

/// <summary>Tuning of the group-commit writer. Bound from section <c>Postgres:GroupCommit</c>.</summary>
public sealed class GroupCommitOptions
{
    /// <summary>Concurrent flushes (connections). While one commits, the next batch gathers.</summary>
    [Range(1, 64)]
    public int Flushers { get; set; } = 3;

    /// <summary>Upper bound of rows per flush, to keep statements and lock sets bounded.</summary>
    [Range(1, 100_000)]
    public int MaxRowsPerFlush { get; set; } = 4000;

    /// <summary>Attempts for a flush that fails transiently (deadlock, serialization, connection).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;
}
