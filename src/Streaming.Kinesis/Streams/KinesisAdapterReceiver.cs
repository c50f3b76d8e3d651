using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Upt.Kinesis;

namespace Upt.Streaming.Kinesis.Streams;

/// <summary>
/// Reads every shard of one slot. One poll of one shard becomes one <see cref="KinesisBatchContainer"/>; a shard
/// is not polled while <see cref="KinesisStreamOptions.MaxBatchesInFlightPerShard"/> of its batches are undelivered.
/// Checkpoints follow <see cref="MessagesDeliveredAsync(IList{IBatchContainer}, CancellationToken)"/>, which the pulling
/// agent calls with what <see cref="KinesisQueueCache"/> purged (delivered batches only). Errors never escape:
/// a failing shard backs off and the receiver keeps going.
/// </summary>
internal sealed class KinesisAdapterReceiver(
    string providerName,
    int slot,
    KinesisStreamOptions options,
    KinesisQueueMapper mapper,
    IKinesisClient client,
    KinesisCheckpointStore store,
    Func<KinesisQueueCache?> cache,
    TimeProvider time,
    ILogger logger) : IQueueAdapterReceiver
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private readonly Dictionary<string, ShardState> _shards = new(StringComparer.Ordinal);
    private DateTimeOffset _nextDiscovery = DateTimeOffset.MinValue;
    private int _discoveryFailures;
    private bool _discoveredOnce;
    private long _readCounter;

    /// <summary>The shards this receiver currently knows (for tests and diagnostics).</summary>
    internal IReadOnlyDictionary<string, ShardState> Shards => _shards;

    public Task Initialize(TimeSpan timeout) => Initialize(timeout, CancellationToken.None);

    public async Task Initialize(TimeSpan timeout, CancellationToken cancellationToken)
    {
        KinesisLog.ReceiverStarted(logger, providerName, slot, options.StreamName);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        await DiscoverIfDueAsync(cts.Token);
    }

#pragma warning disable CS0672, CS0618 // The legacy members must still be implemented.
    public Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount) => GetQueueMessagesAsync(maxCount, CancellationToken.None);

    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages) => MessagesDeliveredAsync(messages, CancellationToken.None);
#pragma warning restore CS0672, CS0618

    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount, CancellationToken cancellationToken)
    {
        try
        {
            await DiscoverIfDueAsync(cancellationToken);
            var now = time.GetUtcNow();
            var due = _shards.Values
                .Where(s => !s.Finished && !s.ReachedEnd && !s.WaitingForParents
                    && s.InFlight < options.MaxBatchesInFlightPerShard && s.NextPollAt <= now)
                .OrderBy(s => s.NextPollAt)
                .Take(maxCount < 0 ? int.MaxValue : maxCount)
                .ToList();
            var batches = due.Count == 0 ? [] : await Task.WhenAll(due.Select(s => PollAsync(s, cancellationToken)));
            await SaveCheckpointsAsync(force: false, cancellationToken);
            return batches.OfType<IBatchContainer>().ToList();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return [];
        }
        catch (Exception exception)
        {
            KinesisLog.ReceiverError(logger, exception, providerName, slot);
            return [];
        }
    }

    public async Task MessagesDeliveredAsync(IList<IBatchContainer> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            if (message is not KinesisBatchContainer container || !_shards.TryGetValue(container.Batch.ShardId, out var shard))
            {
                continue;
            }

            shard.InFlight = Math.Max(0, shard.InFlight - 1);
            shard.DeliveredSequence = SequenceNumbers.Max(shard.DeliveredSequence, container.LastSequenceNumber);
        }

        await SaveCheckpointsAsync(force: false, cancellationToken);
    }

    public Task Shutdown(TimeSpan timeout) => Shutdown(timeout, CancellationToken.None);

    public async Task Shutdown(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            // The agent stops purging before it shuts the receiver down: take what was delivered since the last purge.
            if (cache() is { } queueCache && queueCache.TryPurgeFromCache(out var delivered))
            {
                await MessagesDeliveredAsync(delivered, cts.Token);
            }

            await SaveCheckpointsAsync(force: true, cts.Token);
        }
        catch (Exception exception)
        {
            KinesisLog.ReceiverError(logger, exception, providerName, slot);
        }

        foreach (var shard in _shards.Keys)
        {
            KinesisMetrics.Forget(options.StreamName, shard);
        }

        KinesisLog.ReceiverStopped(logger, providerName, slot);
    }

    private async Task<IBatchContainer?> PollAsync(ShardState shard, CancellationToken cancellationToken)
    {
        try
        {
            shard.Iterator ??= await GetIteratorAsync(shard, cancellationToken);
            var started = time.GetUtcNow();
            var result = await client.GetRecordsAsync(shard.Iterator, options.MaxRecordsPerBatch, cancellationToken);
            shard.ConsecutiveFailures = 0;
            shard.Iterator = result.NextShardIterator;
            KinesisMetrics.Read(options.StreamName, shard.ShardId, result.Records.Count, result.MillisBehindLatest);
            var backlog = result.Records.Count > 0 || result.MillisBehindLatest > 0;
            // With backlog poll again soon, but never faster than Kinesis allows (5 GetRecords/s per shard).
            shard.NextPollAt = backlog ? started + options.MinGetRecordsInterval : time.GetUtcNow() + options.PollInterval;

            KinesisBatchContainer? container = null;
            if (result.Records.Count > 0)
            {
                var records = result.Records
                    .Select(r => new KinesisRecordEvent(r.SequenceNumber, r.PartitionKey, WholeArray(r.Data), r.ApproximateArrivalTimestamp))
                    .ToArray();
                var last = records[^1].SequenceNumber;
                shard.LastReadSequence = last;
                shard.InFlight++;
                container = new KinesisBatchContainer(
                    StreamId.Create(options.StreamNamespace, shard.ShardId),
                    new KinesisRecordBatch(options.StreamName, shard.ShardId, records, result.MillisBehindLatest),
                    new KinesisSequenceToken(Interlocked.Increment(ref _readCounter), shard.ShardId, last));
            }

            if (result.NextShardIterator is null)
            {
                shard.ReachedEnd = true;
            }

            return container;
        }
        catch (KinesisException exception) when (exception.IsExpiredIterator)
        {
            KinesisLog.IteratorExpired(logger, shard.ShardId, shard.LastReadSequence ?? shard.CheckpointSequence);
            shard.Iterator = null;
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            shard.ConsecutiveFailures++;
            shard.Iterator = null;
            var delay = Backoff(shard.ConsecutiveFailures);
            shard.NextPollAt = time.GetUtcNow() + delay;
            KinesisLog.ReadFailed(logger, exception, shard.ShardId, shard.ConsecutiveFailures, delay);
            return null;
        }
    }

    private Task<string> GetIteratorAsync(ShardState shard, CancellationToken cancellationToken)
    {
        var after = shard.LastReadSequence ?? shard.CheckpointSequence;
        if (after is not null)
        {
            return client.GetShardIteratorAsync(options.StreamName, shard.ShardId, ShardIteratorType.AfterSequenceNumber, after, cancellationToken);
        }

        var type = shard.UseInitialPosition && options.InitialPosition == KinesisInitialPosition.Latest
            ? ShardIteratorType.Latest
            : ShardIteratorType.TrimHorizon;
        return client.GetShardIteratorAsync(options.StreamName, shard.ShardId, type, null, cancellationToken);
    }

    private async Task DiscoverIfDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < _nextDiscovery)
        {
            return;
        }

        try
        {
            await DiscoverAsync(cancellationToken);
            _discoveryFailures = 0;
            _nextDiscovery = time.GetUtcNow() + options.ShardDiscoveryInterval;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            _discoveryFailures++;
            var delay = Backoff(_discoveryFailures);
            _nextDiscovery = time.GetUtcNow() + delay;
            KinesisLog.DiscoveryFailed(logger, exception, options.StreamName, delay);
        }
    }

    private async Task DiscoverAsync(CancellationToken cancellationToken)
    {
        var listed = await client.ListShardsAsync(options.StreamName, cancellationToken);
        var checkpoints = await store.LoadAsync(options.StreamName, cancellationToken);
        var listedIds = listed.Select(s => s.ShardId).ToHashSet(StringComparer.Ordinal);

        foreach (var shard in listed.Where(s => mapper.SlotOf(s.ShardId) == slot))
        {
            if (_shards.TryGetValue(shard.ShardId, out var known))
            {
                known.Shard = shard;
            }
            else
            {
                checkpoints.TryGetValue(shard.ShardId, out var checkpoint);
                var hasListedParent = Parents(shard).Any(listedIds.Contains);
                known = new ShardState(shard, checkpoint, useInitialPosition: !_discoveredOnce && !hasListedParent);
                _shards.Add(shard.ShardId, known);
                KinesisLog.ShardAdded(logger, providerName, slot, shard.ShardId, checkpoint?.SequenceNumber);
            }

            // A child is read only once every parent still listed is checkpointed as fully delivered.
            var waiting = Parents(shard).Any(p => listedIds.Contains(p) && !(checkpoints.TryGetValue(p, out var c) && c.ShardEnd));
            if (waiting && !known.WaitingForParents)
            {
                KinesisLog.ShardWaitingForParents(logger, shard.ShardId);
            }

            known.WaitingForParents = waiting;
        }

        // Shards past retention disappear from the listing.
        foreach (var gone in _shards.Values.Where(s => !listedIds.Contains(s.ShardId) && s.InFlight == 0).Select(s => s.ShardId).ToList())
        {
            _shards.Remove(gone);
            KinesisMetrics.Forget(options.StreamName, gone);
        }

        _discoveredOnce = true;
    }

    private async Task SaveCheckpointsAsync(bool force, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var shard in _shards.Values)
        {
            var endNow = shard.ReachedEnd && !shard.Finished && shard.InFlight == 0;
            if (!endNow && !(shard.Dirty && (force || now - shard.LastSaved >= options.CheckpointInterval)))
            {
                continue;
            }

            try
            {
                var sequence = shard.DeliveredSequence ?? shard.SavedSequence;
                await store.SaveAsync(options.StreamName, shard.ShardId, sequence, endNow, cancellationToken);
                shard.SavedSequence = sequence;
                shard.LastSaved = now;
                if (endNow)
                {
                    shard.Finished = true;
                    KinesisLog.ShardEnded(logger, shard.ShardId, sequence);
                }
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                KinesisLog.CheckpointFailed(logger, exception, shard.ShardId);
            }
        }
    }

    private static IEnumerable<string> Parents(KinesisShard shard)
    {
        if (shard.ParentShardId is { } parent)
        {
            yield return parent;
        }

        if (shard.AdjacentParentShardId is { } adjacent)
        {
            yield return adjacent;
        }
    }

    private static TimeSpan Backoff(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, 200 * Math.Pow(2, Math.Min(failures - 1, 10))));

    // The client decodes each record into an array of its own; take it as is rather than copying every payload again.
    private static byte[] WholeArray(ReadOnlyMemory<byte> data) =>
        MemoryMarshal.TryGetArray(data, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : data.ToArray();
}
