using Upt.Kinesis;

namespace Upt.Cli.Tests;

/// <summary>Records PutRecords calls and rejects the first attempt of every n-th entry, as a throttled shard does.</summary>
internal sealed class FakeKinesisClient(int rejectEvery = 0) : IKinesisClient
{
    private readonly HashSet<string> _rejectedOnce = [];

    public List<int> BatchSizes { get; } = [];

    public List<string> Accepted { get; } = [];

    public Task<PutRecordsResult> PutRecordsAsync(string streamName, IReadOnlyList<PutRecordsEntry> entries, CancellationToken cancellationToken = default)
    {
        BatchSizes.Add(entries.Count);
        var results = new List<PutRecordsResultEntry>();
        foreach (var entry in entries)
        {
            var id = System.Text.Encoding.UTF8.GetString(entry.Data.Span);
            var n = int.Parse(id, System.Globalization.CultureInfo.InvariantCulture);
            if (rejectEvery > 0 && n % rejectEvery == 0 && _rejectedOnce.Add(id))
            {
                results.Add(new PutRecordsResultEntry(null, null, "ProvisionedThroughputExceededException", "slow down"));
            }
            else
            {
                Accepted.Add(id);
                results.Add(new PutRecordsResultEntry("shardId-000000000000", "1", null, null));
            }
        }

        return Task.FromResult(new PutRecordsResult(results.Count(r => r.ErrorCode is not null), results));
    }

    public Task CreateStreamAsync(string streamName, int shardCount, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task DeleteStreamAsync(string streamName, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<StreamSummary> DescribeStreamSummaryAsync(string streamName, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task WaitForActiveAsync(string streamName, TimeSpan timeout, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<KinesisShard>> ListShardsAsync(string streamName, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<string> GetShardIteratorAsync(string streamName, string shardId, ShardIteratorType type, string? startingSequenceNumber = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<GetRecordsResult> GetRecordsAsync(string shardIterator, int limit, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<PutRecordResult> PutRecordAsync(string streamName, ReadOnlyMemory<byte> data, string partitionKey, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task SplitShardAsync(string streamName, string shardToSplit, string newStartingHashKey, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task MergeShardsAsync(string streamName, string shardToMerge, string adjacentShardToMerge, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
