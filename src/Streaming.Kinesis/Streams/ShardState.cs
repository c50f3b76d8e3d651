using Upt.Kinesis;

namespace Upt.Streaming.Kinesis.Streams;

/// <summary>What one receiver knows about one of its shards.</summary>
internal sealed class ShardState(KinesisShard shard, KinesisCheckpoint? checkpoint, bool useInitialPosition)
{
    public KinesisShard Shard { get; set; } = shard;

    public string ShardId => Shard.ShardId;

    /// <summary>The position to resume after when no record was read yet (the stored checkpoint).</summary>
    public string? CheckpointSequence { get; } = checkpoint?.SequenceNumber;

    /// <summary>True for a shard present at the receiver's first discovery: it starts at the configured initial position.</summary>
    public bool UseInitialPosition { get; } = useInitialPosition;

    public string? Iterator { get; set; }

    /// <summary>The last record read (handed to the pulling agent), delivered or not.</summary>
    public string? LastReadSequence { get; set; }

    /// <summary>The last record delivered; the next checkpoint write.</summary>
    public string? DeliveredSequence { get; set; }

    /// <summary>The last sequence number written to the checkpoint table.</summary>
    public string? SavedSequence { get; set; } = checkpoint?.SequenceNumber;

    public DateTimeOffset LastSaved { get; set; } = DateTimeOffset.MinValue;

    /// <summary>Batches read but not yet delivered.</summary>
    public int InFlight { get; set; }

    /// <summary>GetRecords returned no next iterator: the shard is closed and fully read.</summary>
    public bool ReachedEnd { get; set; }

    /// <summary>Fully delivered and checkpointed with <c>shard_end</c>: nothing more to do.</summary>
    public bool Finished { get; set; } = checkpoint?.ShardEnd == true;

    /// <summary>A parent shard is not finished yet, so this shard must not be read (per-key order).</summary>
    public bool WaitingForParents { get; set; }

    public DateTimeOffset NextPollAt { get; set; }

    public int ConsecutiveFailures { get; set; }

    public bool Dirty => DeliveredSequence is not null && !string.Equals(DeliveredSequence, SavedSequence, StringComparison.Ordinal);
}
