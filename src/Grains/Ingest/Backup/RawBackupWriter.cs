using Microsoft.Extensions.Logging;
using Upt.Batch.Backup;
using Upt.Streaming.Kinesis.Streams;

namespace Upt.Grains.Ingest.Backup;

/// <summary>
/// The raw backup: every record of a consumed Kinesis batch is written to <c>Backup:Target</c> in the batch layout, one
/// file per (domain, UTC day of arrival) named <c>kinesis-{shard}-{first sequence number}.jsonl</c>, so that a batch job
/// over the target (<c>upt replay</c>) can ingest a time range again.
/// </summary>
/// <remarks>
/// A batch delivered again after a failure is written again under the same names with the same content. A batch re-read
/// with other boundaries (after a silo restart, from the last persisted checkpoint) starts its files at other records, so
/// the backup can then hold some records twice, in two files; replaying both is harmless since ingestion is idempotent.
/// </remarks>
internal sealed partial class RawBackupWriter(IBackupSink? sink, ILogger<RawBackupWriter> logger)
{
    /// <summary>The target (absolute folder or <c>s3://bucket[/prefix]</c>); null when the backup is off.</summary>
    public string? Target => sink?.Name;

    /// <summary>Writes the batch's files; completes when every one is durable, throws when any could not be written.</summary>
    public async Task WriteAsync(KinesisRecordBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (sink is null)
        {
            return;
        }

        var records = batch.Records.Select(r => new BackupRecord(r.SequenceNumber, r.Data, r.ApproximateArrivalTimestamp)).ToList();
        var files = BackupFiles.Of($"kinesis-{batch.ShardId}", records);
        try
        {
            await Task.WhenAll(files.Select(f => sink.WriteAsync(f.Path, f.Content, cancellationToken)));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The sink's error names the target and path at most, never a record's content.
            LogFailed(logger, batch.ShardId, records.Count, sink.Name, ex);
            throw;
        }

        LogWritten(logger, batch.ShardId, records.Count, files.Count);
    }

    [LoggerMessage(EventId = 420, Level = LogLevel.Warning, Message = "Shard {Shard}: backing up {Records} records to {Target} failed; the batch will be redelivered")]
    private static partial void LogFailed(ILogger logger, string shard, int records, string target, Exception exception);

    [LoggerMessage(EventId = 421, Level = LogLevel.Trace, Message = "Shard {Shard}: {Records} records backed up in {Files} files")]
    private static partial void LogWritten(ILogger logger, string shard, int records, int files);
}
