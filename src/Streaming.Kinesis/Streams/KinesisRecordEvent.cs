namespace Upt.Streaming.Kinesis.Streams;

/// <summary>One Kinesis record, with the producer's bytes untouched.</summary>
/// <param name="SequenceNumber">The Kinesis sequence number (a decimal string; unique and increasing within a shard).</param>
/// <param name="PartitionKey">The producer's partition key.</param>
/// <param name="Data">The producer's payload.</param>
/// <param name="ApproximateArrivalTimestamp">When Kinesis accepted the record.</param>
[GenerateSerializer, Immutable, Alias("upt.kinesis.record")]
public sealed record KinesisRecordEvent(string SequenceNumber, string PartitionKey, byte[] Data, DateTimeOffset ApproximateArrivalTimestamp);
