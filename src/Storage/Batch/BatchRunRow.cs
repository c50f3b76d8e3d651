namespace Upt.Storage;

/// <summary>A row of <c>upt_batch_runs</c>. <see cref="Status"/> is RUNNING, SUCCEEDED or FAILED.</summary>
public sealed record BatchRunRow
{
    public const string Running = "RUNNING";
    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";

    public required long Id { get; init; }
    public required string Domain { get; init; }
    public required string ObjectType { get; init; }
    public required string Source { get; init; }
    public DateOnly? FromDate { get; init; }
    public required string Status { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public DateTimeOffset HeartbeatAt { get; init; }
    public int FilesTotal { get; init; }
    public int FilesDone { get; init; }
    public int FilesSkipped { get; init; }
    public int FilesIgnored { get; init; }
    public long BytesTotal { get; init; }
    public long BytesDone { get; init; }
    public long Records { get; init; }
    public long Errors { get; init; }
    public string? LastError { get; init; }

    /// <summary>The first instant of a replay run's time range; null for an ordinary run.</summary>
    public DateTimeOffset? RangeFrom { get; init; }

    /// <summary>The last instant (inclusive) of a replay run's time range.</summary>
    public DateTimeOffset? RangeTo { get; init; }

    /// <summary>A replay's lines outside its time range (not ingested).</summary>
    public long LinesSkipped { get; init; }
}
