using Orleans.Streams;

namespace Upt.Streaming.Kinesis.Streams;

/// <summary>
/// The per-queue cache. Unlike Orleans' simple cache it purges only what every live cursor of a stream (shard)
/// has moved past: the pulling agent moves a cursor on only after the previous batch was delivered, and a
/// cursor that recorded a delivery failure rewinds so the same batch is delivered again. The purged prefix is
/// what <see cref="KinesisAdapterReceiver.MessagesDeliveredAsync(IList{IBatchContainer}, CancellationToken)"/> checkpoints.
/// </summary>
internal sealed class KinesisQueueCache(int maxItems) : IQueueCache
{
    private readonly Lock _lock = new();
    private readonly Dictionary<StreamId, StreamLog> _streams = [];
    private int _count;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    public int GetMaxAddCount()
    {
        lock (_lock)
        {
            return Math.Max(0, maxItems - _count);
        }
    }

    public bool IsUnderPressure() => GetMaxAddCount() == 0;

    public void AddToCache(IList<IBatchContainer> messages)
    {
        lock (_lock)
        {
            foreach (var message in messages)
            {
                GetLog(message.StreamId).Items.Add(message);
                _count++;
            }
        }
    }

    public bool TryPurgeFromCache(out IList<IBatchContainer> purgedItems)
    {
        List<IBatchContainer>? purged = null;
        lock (_lock)
        {
            foreach (var log in _streams.Values)
            {
                var n = (int)(log.DeliveredUpTo - log.Start);
                if (n <= 0)
                {
                    continue;
                }

                purged ??= [];
                purged.AddRange(log.Items.GetRange(0, n));
                log.Items.RemoveRange(0, n);
                log.Start += n;
                _count -= n;
            }
        }

        purgedItems = purged ?? [];
        return purged is not null;
    }

#pragma warning disable CS0672, CS0618 // The legacy member must still be implemented.
    public IQueueCacheCursor GetCacheCursor(StreamId streamId, StreamSequenceToken? token) => CreateCursor(streamId);
#pragma warning restore CS0672, CS0618

    public QueueCacheCursorResult<IQueueCacheCursor> TryGetCacheCursor(StreamId streamId, StreamSequenceToken? token) =>
        QueueCacheCursorResult<IQueueCacheCursor>.FromCursor(CreateCursor(streamId));

    public QueueCacheCursorResult<IQueueCacheCursor> TryGetCacheCursorAtPosition(StreamId streamId, StreamSubscriptionStartPosition startPosition) =>
        QueueCacheCursorResult<IQueueCacheCursor>.FromCursor(CreateCursor(streamId));

    // Every cursor starts at the first batch of its stream that is not yet delivered, whatever token is asked
    // for: redelivering a batch is allowed (consumers are idempotent), skipping one is not.
    private KinesisQueueCacheCursor CreateCursor(StreamId streamId)
    {
        lock (_lock)
        {
            var log = GetLog(streamId);
            var cursor = new KinesisQueueCacheCursor(this, log, log.DeliveredUpTo);
            log.Cursors.Add(cursor);
            return cursor;
        }
    }

    internal IBatchContainer? ItemAt(StreamLog log, long index)
    {
        lock (_lock)
        {
            return index >= log.Start && index < log.End ? log.Items[(int)(index - log.Start)] : null;
        }
    }

    internal long EndOf(StreamLog log)
    {
        lock (_lock)
        {
            return log.End;
        }
    }

    internal void Acknowledge(StreamLog log)
    {
        lock (_lock)
        {
            log.Recompute();
        }
    }

    internal void Remove(StreamLog log, KinesisQueueCacheCursor cursor)
    {
        lock (_lock)
        {
            log.Cursors.Remove(cursor);
            log.Recompute();
        }
    }

    private StreamLog GetLog(StreamId streamId)
    {
        if (!_streams.TryGetValue(streamId, out var log))
        {
            log = new StreamLog();
            _streams.Add(streamId, log);
        }

        return log;
    }

    /// <summary>The cached batches of one stream; indexes are absolute (they survive purges).</summary>
    internal sealed class StreamLog
    {
        public List<IBatchContainer> Items { get; } = [];

        public HashSet<KinesisQueueCacheCursor> Cursors { get; } = [];

        /// <summary>Absolute index of <c>Items[0]</c>.</summary>
        public long Start { get; set; }

        public long End => Start + Items.Count;

        /// <summary>Every batch before this absolute index is delivered to every consumer; never decreases.</summary>
        public long DeliveredUpTo { get; private set; }

        public void Recompute()
        {
            // With no live cursor nothing is known to be delivered: keep the watermark where it is.
            if (Cursors.Count > 0)
            {
                DeliveredUpTo = Math.Max(DeliveredUpTo, Math.Min(Cursors.Min(c => c.Acknowledged), End));
            }
        }
    }
}
