using Orleans.Streams;

namespace Upt.Streaming.Kinesis.Streams;

/// <summary>Carries one <see cref="KinesisRecordBatch"/> (one GetRecords result of one shard) through the pulling agent.</summary>
[GenerateSerializer, Immutable, Alias("upt.kinesis.container")]
internal sealed class KinesisBatchContainer(StreamId streamId, KinesisRecordBatch batch, KinesisSequenceToken token) : IBatchContainer
{
    [Id(0)]
    public StreamId StreamId { get; } = streamId;

    [Id(1)]
    public KinesisRecordBatch Batch { get; } = batch;

    [Id(2)]
    public KinesisSequenceToken Token { get; } = token;

    public StreamSequenceToken SequenceToken => Token;

    /// <summary>The Kinesis sequence number of the last record: what a checkpoint may move to once this batch is delivered.</summary>
    public string LastSequenceNumber => Token.LastKinesisSequenceNumber;

    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>() =>
        Batch is T typed ? [Tuple.Create(typed, (StreamSequenceToken)Token)] : [];

    public bool ImportRequestContext() => false;

    public override string ToString() => $"[KinesisBatchContainer {Batch.ShardId} x{Batch.Records.Count} {Token}]";
}
