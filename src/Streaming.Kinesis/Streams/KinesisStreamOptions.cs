namespace Upt.Streaming.Kinesis.Streams;

/// <summary>Settings of one Kinesis stream provider (named after the provider, see <c>AddKinesisStreams</c>).</summary>
public sealed class KinesisStreamOptions
{
    /// <summary>The Kinesis stream to read. Required.</summary>
    public string StreamName { get; set; } = "";

    /// <summary>The Kinesis API endpoint; null means the AWS endpoint of <see cref="Region"/>. Ignored when an <c>IKinesisClient</c> is registered in DI.</summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>The AWS region; null keeps the client's default (<c>AWS_REGION</c>, then <c>us-east-1</c>).</summary>
    public string? Region { get; set; }

    /// <summary>How many Orleans queues ("slots") the shards are spread over; shard <c>shardId-N</c> goes to slot <c>N % QueueCount</c>.</summary>
    public int QueueCount { get; set; } = 8;

    /// <summary>The Orleans stream namespace of the batches; the stream key is the shard id.</summary>
    public string StreamNamespace { get; set; } = "upt-kinesis";

    /// <summary>The GetRecords limit, hence the largest <see cref="KinesisRecordBatch"/> (1–10,000).</summary>
    public int MaxRecordsPerBatch { get; set; } = 1000;

    /// <summary>How long an idle shard waits between polls; a shard with backlog is polled again at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Minimum time between two GetRecords calls on one shard while it has backlog. Kinesis allows 5 calls per
    /// second per shard; 200 ms stays within it. Lower it only against servers without that limit.
    /// </summary>
    public TimeSpan MinGetRecordsInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often each receiver lists the shards (resharding is picked up without a restart).</summary>
    public TimeSpan ShardDiscoveryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The shortest time between two checkpoint writes of one shard (shard end and shutdown are written at once).</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>PostgreSQL connection string of the checkpoint table. Required.</summary>
    [RedactConnectionString]
    public string CheckpointConnectionString { get; set; } = "";

    /// <summary>Where a shard without a checkpoint starts. Shards that appear later (children of a split or merge) always start at the trim horizon.</summary>
    public KinesisInitialPosition InitialPosition { get; set; } = KinesisInitialPosition.TrimHorizon;

    /// <summary>How many batches of one shard may be read ahead of the consumer (back-pressure).</summary>
    public int MaxBatchesInFlightPerShard { get; set; } = 3;
}

/// <summary>Where a shard without checkpoint is first read.</summary>
public enum KinesisInitialPosition
{
    /// <summary>The oldest record still retained.</summary>
    TrimHorizon,

    /// <summary>Only records written after the receiver starts.</summary>
    Latest,
}
