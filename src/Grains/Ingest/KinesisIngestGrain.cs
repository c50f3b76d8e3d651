using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;
using Upt.Grains.Ingest.Backup;
using Upt.Storage;
using Upt.Streaming.Kinesis.Streams;

namespace Upt.Grains.Ingest;

/// <summary>
/// Consumer of one Kinesis shard's stream (key = shard id). The pulling agent delivers one batch at a
/// time and advances the shard checkpoint only after <see cref="OnNextAsync"/> returns, which happens
/// once every effect of the batch is durable in Postgres and, when the raw backup is on, every record is backed up.
/// An exception makes the agent retry the batch.
/// </summary>
[ImplicitStreamSubscription(KinesisNamespace)]
[PreferLocalPlacement]
[GrainType("kinesis-ingest")]
internal sealed partial class KinesisIngestGrain(GroupCommitWriter writer, RawBackupWriter backup, TimeProvider clock, ILogger<KinesisIngestGrain> logger)
    : Grain, IKinesisIngestGrain, IStreamSubscriptionObserver, IAsyncObserver<KinesisRecordBatch>
{
    public const string KinesisNamespace = "upt-kinesis";

    private IngestPipeline? _pipeline;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _pipeline = new IngestPipeline(GrainFactory, writer, new DomainSettingsCache(GrainFactory, clock), this.GetStreamProvider(ChangeStreams.ProviderName), logger);
        return Task.CompletedTask;
    }

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<KinesisRecordBatch>().ResumeAsync(this);

    public async Task OnNextAsync(KinesisRecordBatch batch, StreamSequenceToken? token = null)
    {
        var raw = batch.Records
            .Select(r => new RawRecord($"kinesis/{batch.StreamName}/{batch.ShardId}/{r.SequenceNumber}", r.Data, r.ApproximateArrivalTimestamp))
            .ToList();
        try
        {
            // The raw backup runs beside the pipeline; both must be durable before returning lets the checkpoint pass
            // these records, and a failure of either has the whole batch delivered again.
            var backedUp = backup.WriteAsync(batch);
            var ingested = _pipeline!.RunAsync(raw);
            await Task.WhenAll(backedUp, ingested);
            var summary = await ingested;
            LogBatch(logger, batch.ShardId, summary.Records, summary.FlatRecords, summary.Errors, batch.MillisBehindLatest);
        }
        catch (Exception ex)
        {
            LogBatchFailed(logger, batch.ShardId, raw.Count, ex);
            throw;
        }
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex)
    {
        LogStreamError(logger, ex);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 400, Level = LogLevel.Debug, Message = "Shard {Shard}: {Records} records, {Flat} flat records, {Errors} errors, {Lag} ms behind")]
    private static partial void LogBatch(ILogger logger, string shard, int records, int flat, int errors, long lag);

    [LoggerMessage(EventId = 401, Level = LogLevel.Warning, Message = "Shard {Shard}: batch of {Records} records failed; it will be redelivered")]
    private static partial void LogBatchFailed(ILogger logger, string shard, int records, Exception exception);

    [LoggerMessage(EventId = 402, Level = LogLevel.Error, Message = "Kinesis stream error")]
    private static partial void LogStreamError(ILogger logger, Exception exception);
}
