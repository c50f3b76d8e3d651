namespace Upt.Grains;

/// <summary>One run of a batch job: its state and progress.</summary>
[GenerateSerializer, Immutable, Alias("upt.batch-job-status")]
public sealed record BatchJobStatus
{
    /// <summary>The run's id (increasing over all runs).</summary>
    [Id(0)] public required long RunId { get; init; }

    /// <summary>The domain.</summary>
    [Id(1)] public required string Domain { get; init; }

    /// <summary>The business object type, or <see cref="BatchJobs.AllTypes"/>.</summary>
    [Id(2)] public required string ObjectType { get; init; }

    /// <summary>The source, normalised (absolute folder path or <c>s3://bucket[/prefix]</c>).</summary>
    [Id(3)] public required string Source { get; init; }

    /// <summary>The re-run day, if any.</summary>
    [Id(4)] public DateOnly? From { get; init; }

    /// <summary>Running, succeeded or failed. A run whose runner stopped sending heartbeats is reported failed.</summary>
    [Id(5)] public BatchRunState State { get; init; }

    /// <summary>When the run started.</summary>
    [Id(6)] public DateTimeOffset StartedAt { get; init; }

    /// <summary>When it ended; null while running.</summary>
    [Id(7)] public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Batch files found (skipped ones included).</summary>
    [Id(8)] public int FilesTotal { get; init; }

    /// <summary>Files ingested by this run (all their lines durable, bookmarked).</summary>
    [Id(9)] public int FilesDone { get; init; }

    /// <summary>Files skipped because an earlier run ingested them unchanged.</summary>
    [Id(10)] public int FilesSkipped { get; init; }

    /// <summary>Paths under the domain's folder that are not <c>{YYYY}/{MM}/{DD}/*.jsonl</c>.</summary>
    [Id(11)] public int FilesIgnored { get; init; }

    /// <summary>Bytes of the files this run reads.</summary>
    [Id(12)] public long BytesTotal { get; init; }

    /// <summary>Bytes read so far.</summary>
    [Id(13)] public long BytesDone { get; init; }

    /// <summary>Lines (business objects) done, errors included: their effects or error records are durable.</summary>
    [Id(14)] public long Records { get; init; }

    /// <summary>Lines that became error records.</summary>
    [Id(15)] public long Errors { get; init; }

    /// <summary>Why the run failed (or the last problem seen); null when none.</summary>
    [Id(16)] public string? LastError { get; init; }

    /// <summary>The time range of a replay run; null for an ordinary run.</summary>
    [Id(17)] public BatchTimeRange? Range { get; init; }

    /// <summary>Lines of a replay run that were not ingested because their timestamp lies outside <see cref="Range"/>.</summary>
    [Id(18)] public long LinesSkipped { get; init; }

    /// <summary>Average lines per second since the start.</summary>
    public double RecordsPerSecond(DateTimeOffset now) =>
        Records / Math.Max(0.001, ((FinishedAt ?? now) - StartedAt).TotalSeconds);
}
