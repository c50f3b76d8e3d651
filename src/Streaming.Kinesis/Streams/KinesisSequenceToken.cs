using Orleans.Streams;

namespace Upt.Streaming.Kinesis.Streams;

/// <summary>
/// The token of one <see cref="KinesisRecordBatch"/>. <see cref="SequenceNumber"/> is a read counter that orders
/// batches within one receiver's lifetime only; use the records' Kinesis sequence numbers for idempotency.
/// </summary>
[GenerateSerializer, Immutable, Alias("upt.kinesis.token")]
public sealed class KinesisSequenceToken : StreamSequenceToken
{
    /// <summary>Creates a token.</summary>
    public KinesisSequenceToken(long sequenceNumber, string shardId, string lastKinesisSequenceNumber)
    {
        SequenceNumber = sequenceNumber;
        ShardId = shardId;
        LastKinesisSequenceNumber = lastKinesisSequenceNumber;
    }

    /// <summary>The receiver-local read counter.</summary>
    [Id(0)]
    public override long SequenceNumber { get; protected set; }

    /// <summary>Always 0: a batch is one event.</summary>
    [Id(1)]
    public override int EventIndex { get; protected set; }

    /// <summary>The shard of the batch.</summary>
    [Id(2)]
    public string ShardId { get; }

    /// <summary>The Kinesis sequence number of the batch's last record.</summary>
    [Id(3)]
    public string LastKinesisSequenceNumber { get; }

    /// <inheritdoc />
    public override bool Equals(StreamSequenceToken? other) =>
        other is KinesisSequenceToken t && t.SequenceNumber == SequenceNumber && t.EventIndex == EventIndex;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as StreamSequenceToken);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(SequenceNumber, EventIndex);

    /// <inheritdoc />
    public override int CompareTo(StreamSequenceToken? other)
    {
        if (other is null)
        {
            return 1;
        }

        var bySequence = SequenceNumber.CompareTo(other.SequenceNumber);
        return bySequence != 0 ? bySequence : EventIndex.CompareTo(other.EventIndex);
    }

    /// <inheritdoc />
    public override string ToString() => $"[KinesisSequenceToken {SequenceNumber} {ShardId}@{LastKinesisSequenceNumber}]";
}
