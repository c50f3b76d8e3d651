using System.Diagnostics;
using System.Runtime.InteropServices;
using Upt.Kinesis;

namespace Upt.Cli.Bench;

/// <summary>
/// Passes every call through, and tells <paramref name="onAck"/> the moment PutRecords acknowledged each accepted
/// entry, so the latency probes start their clock at the ack while <see cref="Produce.KinesisProducer"/> keeps doing
/// the pacing, batching and retries. Entries are recognised by their data array.
/// </summary>
internal sealed class AckRecordingKinesisClient(IKinesisClient inner, Action<byte[], long> onAck) : IKinesisClient
{
    public async Task<PutRecordsResult> PutRecordsAsync(string streamName, IReadOnlyList<PutRecordsEntry> entries, CancellationToken cancellationToken = default)
    {
        var result = await inner.PutRecordsAsync(streamName, entries, cancellationToken);
        var at = Stopwatch.GetTimestamp();
        for (var i = 0; i < result.Records.Count && i < entries.Count; i++)
        {
            if (result.Records[i].ErrorCode is null && MemoryMarshal.TryGetArray(entries[i].Data, out var segment) && segment.Array is { } array)
            {
                onAck(array, at);
            }
        }

        return result;
    }

    public Task CreateStreamAsync(string streamName, int shardCount, CancellationToken cancellationToken = default) =>
        inner.CreateStreamAsync(streamName, shardCount, cancellationToken);

    public Task DeleteStreamAsync(string streamName, CancellationToken cancellationToken = default) =>
        inner.DeleteStreamAsync(streamName, cancellationToken);

    public Task<StreamSummary> DescribeStreamSummaryAsync(string streamName, CancellationToken cancellationToken = default) =>
        inner.DescribeStreamSummaryAsync(streamName, cancellationToken);

    public Task WaitForActiveAsync(string streamName, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        inner.WaitForActiveAsync(streamName, timeout, cancellationToken);

    public Task<IReadOnlyList<KinesisShard>> ListShardsAsync(string streamName, CancellationToken cancellationToken = default) =>
        inner.ListShardsAsync(streamName, cancellationToken);

    public Task<string> GetShardIteratorAsync(string streamName, string shardId, ShardIteratorType type, string? startingSequenceNumber = null, CancellationToken cancellationToken = default) =>
        inner.GetShardIteratorAsync(streamName, shardId, type, startingSequenceNumber, cancellationToken);

    public Task<GetRecordsResult> GetRecordsAsync(string shardIterator, int limit, CancellationToken cancellationToken = default) =>
        inner.GetRecordsAsync(shardIterator, limit, cancellationToken);

    public Task<PutRecordResult> PutRecordAsync(string streamName, ReadOnlyMemory<byte> data, string partitionKey, CancellationToken cancellationToken = default) =>
        inner.PutRecordAsync(streamName, data, partitionKey, cancellationToken);

    public Task SplitShardAsync(string streamName, string shardToSplit, string newStartingHashKey, CancellationToken cancellationToken = default) =>
        inner.SplitShardAsync(streamName, shardToSplit, newStartingHashKey, cancellationToken);

    public Task MergeShardsAsync(string streamName, string shardToMerge, string adjacentShardToMerge, CancellationToken cancellationToken = default) =>
        inner.MergeShardsAsync(streamName, shardToMerge, adjacentShardToMerge, cancellationToken);
}
