using Orleans.Streams;

namespace Upt.Streaming.Kinesis.Streams;

/// <summary>
/// A cursor over one stream of a <see cref="KinesisQueueCache"/>. Moving on acknowledges the current batch,
/// unless its delivery failed: then the cursor rewinds and hands the same batch out again.
/// </summary>
internal sealed class KinesisQueueCacheCursor(KinesisQueueCache cache, KinesisQueueCache.StreamLog log, long start) : IQueueCacheCursor
{
    private long _next = start;
    private long _current = -1;
    private bool _failed;
    private bool _disposed;

    /// <summary>Absolute index of the first batch this cursor has not acknowledged.</summary>
    public long Acknowledged { get; private set; } = start;

    public QueueCacheCursorMoveResult MoveNextWithResult()
    {
        if (_disposed)
        {
            return QueueCacheCursorMoveResult.NoData;
        }

        if (_current >= 0)
        {
            if (_failed)
            {
                _next = _current;
                _failed = false;
            }
            else
            {
                Acknowledged = Math.Max(Acknowledged, _current + 1);
                cache.Acknowledge(log);
            }

            _current = -1;
        }

        if (_next < cache.EndOf(log))
        {
            _current = _next++;
            return QueueCacheCursorMoveResult.Success;
        }

        return QueueCacheCursorMoveResult.NoData;
    }

#pragma warning disable CS0672, CS0618 // The legacy member must still be implemented.
    public bool MoveNext() => MoveNextWithResult().Kind == QueueCacheCursorMoveResultKind.Success;
#pragma warning restore CS0672, CS0618

    public IBatchContainer? GetCurrent(out Exception? exception)
    {
        exception = null;
        return _current >= 0 ? cache.ItemAt(log, _current) : null;
    }

    public void Refresh(StreamSequenceToken token)
    {
        // Nothing to do: the cursor reads the stream's log, which grows in place.
    }

    public void RecordDeliveryFailure()
    {
        if (_current >= 0)
        {
            _failed = true;
        }
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            cache.Remove(log, this);
        }
    }
}
