namespace Upt.Kinesis;

/// <summary>
/// The subset of the Amazon Kinesis Data Streams API that Upt uses, over the JSON 1.1 protocol.
/// Implementations sign with SigV4 and retry throttling with backoff; API errors surface as <see cref="KinesisException"/>.
/// </summary>
public interface IKinesisClient
{
    /// <summary>CreateStream with a fixed shard count (provisioned mode).</summary>
    Task CreateStreamAsync(string streamName, int shardCount, CancellationToken cancellationToken = default);

    /// <summary>DeleteStream.</summary>
    Task DeleteStreamAsync(string streamName, CancellationToken cancellationToken = default);

    /// <summary>DescribeStreamSummary: status and open shard count.</summary>
    Task<StreamSummary> DescribeStreamSummaryAsync(string streamName, CancellationToken cancellationToken = default);

    /// <summary>Polls DescribeStreamSummary until the stream is ACTIVE.</summary>
    Task WaitForActiveAsync(string streamName, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>ListShards, following NextToken: every shard the stream still holds, open and closed.</summary>
    Task<IReadOnlyList<KinesisShard>> ListShardsAsync(string streamName, CancellationToken cancellationToken = default);

    /// <summary>GetShardIterator.</summary>
    Task<string> GetShardIteratorAsync(string streamName, string shardId, ShardIteratorType type, string? startingSequenceNumber = null, CancellationToken cancellationToken = default);

    /// <summary>GetRecords. A null <see cref="GetRecordsResult.NextShardIterator"/> means the shard is closed and fully read.</summary>
    Task<GetRecordsResult> GetRecordsAsync(string shardIterator, int limit, CancellationToken cancellationToken = default);

    /// <summary>PutRecord.</summary>
    Task<PutRecordResult> PutRecordAsync(string streamName, ReadOnlyMemory<byte> data, string partitionKey, CancellationToken cancellationToken = default);

    /// <summary>PutRecords (at most 500 entries); per-entry failures are reported, not thrown.</summary>
    Task<PutRecordsResult> PutRecordsAsync(string streamName, IReadOnlyList<PutRecordsEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>SplitShard at a hash key (decimal string).</summary>
    Task SplitShardAsync(string streamName, string shardToSplit, string newStartingHashKey, CancellationToken cancellationToken = default);

    /// <summary>MergeShards of two adjacent shards.</summary>
    Task MergeShardsAsync(string streamName, string shardToMerge, string adjacentShardToMerge, CancellationToken cancellationToken = default);
}

/// <summary>Where a shard iterator starts.</summary>
public enum ShardIteratorType
{
    TrimHorizon,
    Latest,
    AtSequenceNumber,
    AfterSequenceNumber,
}

/// <summary>A stream's status and shape.</summary>
public sealed record StreamSummary(string StreamName, string StreamStatus, int OpenShardCount);

/// <summary>A shard as ListShards reports it. <see cref="EndingSequenceNumber"/> is set once the shard is closed.</summary>
public sealed record KinesisShard(
    string ShardId,
    string? ParentShardId,
    string? AdjacentParentShardId,
    string StartingHashKey,
    string EndingHashKey,
    string StartingSequenceNumber,
    string? EndingSequenceNumber)
{
    /// <summary>True when the shard has been split or merged and takes no more writes.</summary>
    public bool IsClosed => EndingSequenceNumber is not null;
}

/// <summary>One record read from a shard.</summary>
public sealed record KinesisRecord(string SequenceNumber, string PartitionKey, ReadOnlyMemory<byte> Data, DateTimeOffset ApproximateArrivalTimestamp);

/// <summary>GetRecords output.</summary>
public sealed record GetRecordsResult(IReadOnlyList<KinesisRecord> Records, string? NextShardIterator, long MillisBehindLatest);

/// <summary>PutRecord output.</summary>
public sealed record PutRecordResult(string ShardId, string SequenceNumber);

/// <summary>One PutRecords entry.</summary>
public sealed record PutRecordsEntry(ReadOnlyMemory<byte> Data, string PartitionKey, string? ExplicitHashKey = null);

/// <summary>One PutRecords result entry: either a sequence number or an error.</summary>
public sealed record PutRecordsResultEntry(string? ShardId, string? SequenceNumber, string? ErrorCode, string? ErrorMessage);

/// <summary>PutRecords output, in the order of the request entries.</summary>
public sealed record PutRecordsResult(int FailedRecordCount, IReadOnlyList<PutRecordsResultEntry> Records);

/// <summary>An error answered by the Kinesis API (<c>__type</c> and message), with the HTTP status.</summary>
public class KinesisException(string errorType, string message, int statusCode) : Exception($"{errorType}: {message}")
{
    /// <summary>The short error type, e.g. <c>ExpiredIteratorException</c>.</summary>
    public string ErrorType { get; } = errorType;

    /// <summary>The HTTP status code of the answer.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>True for ExpiredIteratorException: get a new iterator from the last sequence number.</summary>
    public bool IsExpiredIterator => ErrorType == "ExpiredIteratorException";

    /// <summary>True for ResourceNotFoundException.</summary>
    public bool IsNotFound => ErrorType == "ResourceNotFoundException";

    /// <summary>True for ResourceInUseException (e.g. the stream exists already).</summary>
    public bool IsInUse => ErrorType == "ResourceInUseException";
}
