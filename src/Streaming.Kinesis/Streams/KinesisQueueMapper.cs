using Orleans.Streams;

namespace Upt.Streaming.Kinesis.Streams;

/// <summary>
/// <see cref="KinesisStreamOptions.QueueCount"/> fixed queues ("slots") spread evenly over the consistent ring
/// (so the default queue balancer spreads them over silos); shard <c>shardId-N</c> maps to slot <c>N % QueueCount</c>.
/// </summary>
public sealed class KinesisQueueMapper : IConsistentRingStreamQueueMapper
{
    private readonly QueueId[] _queues;

    /// <summary>Creates the mapper; <paramref name="queueNamePrefix"/> is usually the provider name.</summary>
    public KinesisQueueMapper(int queueCount, string queueNamePrefix)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(queueCount, 1);
        _queues = new QueueId[queueCount];
        var portion = (uint)((1L << 32) / queueCount);
        for (var i = 0; i < queueCount; i++)
        {
            _queues[i] = QueueId.GetQueueId(queueNamePrefix, (uint)i, unchecked((uint)i * portion));
        }
    }

    /// <summary>The number of slots.</summary>
    public int QueueCount => _queues.Length;

    /// <inheritdoc />
    public IEnumerable<QueueId> GetAllQueues() => _queues;

    /// <inheritdoc />
    public IEnumerable<QueueId> GetQueuesForRange(IRingRange range) =>
        _queues.Where(q => range.InRange(q.GetUniformHashCode())).ToArray();

    /// <inheritdoc />
    public QueueId GetQueueForStream(StreamId streamId) => _queues[SlotOf(streamId.GetKeyAsString())];

    /// <summary>The slot of a shard.</summary>
    public int SlotOf(string shardId)
    {
        var n = SequenceNumbers.ShardNumber(shardId) ?? (uint)StringComparer.Ordinal.GetHashCode(shardId);
        return (int)(n % _queues.Length);
    }

    /// <summary>The slot index of a queue of this mapper.</summary>
    public int SlotOf(QueueId queueId) => (int)queueId.GetNumericId();
}
