namespace Upt.Streaming.Kinesis.Streams;

/// <summary>
/// The event a consumer receives: the records of one GetRecords call on one shard, in shard order.
/// The stream key is <see cref="ShardId"/>; the namespace is <see cref="KinesisStreamOptions.StreamNamespace"/>.
/// </summary>
/// <param name="StreamName">The Kinesis stream.</param>
/// <param name="ShardId">The shard the records were read from.</param>
/// <param name="Records">The records, oldest first (never empty).</param>
/// <param name="MillisBehindLatest">How far the read was behind the tip of the shard.</param>
[GenerateSerializer, Immutable, Alias("upt.kinesis.batch")]
public sealed record KinesisRecordBatch(string StreamName, string ShardId, IReadOnlyList<KinesisRecordEvent> Records, long MillisBehindLatest);
