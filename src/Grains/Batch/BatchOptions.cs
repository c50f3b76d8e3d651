using System.ComponentModel.DataAnnotations;
using Upt.Transforms.Envelope;

namespace Upt.Grains.Batch;

/// <summary>Settings of batch jobs (configuration section <c>Batch</c>; the S3 client is configured under <c>Batch:S3</c>).</summary>
public sealed class BatchOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Batch";

    /// <summary>Lines per call to the ingest pipeline.</summary>
    [Range(1, 10_000)]
    public int ChunkSize { get; set; } = 500;

    /// <summary>Chunks in flight at once; lines are spread over lanes by traveller, one chunk in flight per lane.</summary>
    [Range(1, 32)]
    public int Lanes { get; set; } = 4;

    /// <summary>Longest line read; a longer one becomes an error record (a Kinesis record is at most 1 MiB too).</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxLineBytes { get; set; } = EnvelopeParser.MaxRecordBytes;

    /// <summary>Attempts per chunk before the run fails (ingestion is idempotent, so a retry is safe).</summary>
    [Range(1, 10)]
    public int ChunkAttempts { get; set; } = 3;

    /// <summary>How often a running job writes its progress and heartbeat.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A RUNNING run whose last heartbeat is older than this is reported FAILED (its silo died).</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The source of jobs started without one (<c>s3://bucket[/prefix]</c> or an absolute folder path); none when null.</summary>
    public string? DefaultSource { get; set; }
}
