using System.Numerics;
using System.Text;
using Upt.TestSupport;
using Xunit;

namespace Upt.Kinesis.Tests;

/// <summary>The client against a real Kinesis API implementation (kinesalite).</summary>
public sealed class KinesaliteTests(KinesaliteFixture kinesalite) : IDisposable
{
    private static readonly TimeSpan ActiveTimeout = TimeSpan.FromSeconds(30);
    private readonly KinesisClient _client = TestClients.For(kinesalite.Endpoint);

    public void Dispose() => _client.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_describe_wait_active_and_delete()
    {
        var name = KinesaliteFixture.NewStreamName();
        await _client.CreateStreamAsync(name, 2, Ct);
        await _client.WaitForActiveAsync(name, ActiveTimeout, Ct);
        var summary = await _client.DescribeStreamSummaryAsync(name, Ct);
        Assert.Equal(new StreamSummary(name, "ACTIVE", 2), summary);

        var again = await Assert.ThrowsAsync<KinesisException>(() => _client.CreateStreamAsync(name, 1, Ct));
        Assert.True(again.IsInUse, again.Message);

        await _client.DeleteStreamAsync(name, Ct);
        await Eventually.WaitAsync(
            async () =>
            {
                try
                {
                    await _client.DescribeStreamSummaryAsync(name, Ct);
                    return false;
                }
                catch (KinesisException e) when (e.IsNotFound)
                {
                    return true;
                }
            },
            gone => gone,
            ActiveTimeout,
            "the stream to be deleted");
    }

    [Fact]
    public async Task Missing_stream_is_a_typed_ResourceNotFoundException()
    {
        var e = await Assert.ThrowsAsync<KinesisException>(() => _client.DescribeStreamSummaryAsync(KinesaliteFixture.NewStreamName("missing"), Ct));
        Assert.True(e.IsNotFound);
        Assert.Equal("ResourceNotFoundException", e.ErrorType);
        Assert.Equal(400, e.StatusCode);
    }

    [Fact]
    public async Task Put_and_get_round_trip_binary_data_and_unicode_keys()
    {
        var name = await NewActiveStreamAsync(1);
        var data = new byte[] { 0, 1, 2, 0xFF, 0xFE, 0x80, 0x7F, 0x0A, 0x0D, 0x22, 0x5C };
        var key = "ключ-キー-🔑-é";
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        var put = await _client.PutRecordAsync(name, data, key, Ct);
        Assert.Equal("shardId-000000000000", put.ShardId);

        var it = await _client.GetShardIteratorAsync(name, put.ShardId, ShardIteratorType.TrimHorizon, cancellationToken: Ct);
        var got = await _client.GetRecordsAsync(it, 100, Ct);
        var record = Assert.Single(got.Records);
        Assert.Equal(put.SequenceNumber, record.SequenceNumber);
        Assert.Equal(key, record.PartitionKey);
        Assert.Equal(data, record.Data.ToArray());
        Assert.InRange(record.ApproximateArrivalTimestamp, before, DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.NotNull(got.NextShardIterator);
        Assert.True(got.MillisBehindLatest >= 0);
    }

    [Fact]
    public async Task PutRecords_of_500_reports_every_entry_in_order()
    {
        var name = await NewActiveStreamAsync(4);
        var entries = Enumerable.Range(0, 500)
            .Select(i => new PutRecordsEntry(Encoding.UTF8.GetBytes($"record {i} ✓"), $"pk-{i}"))
            .ToList();
        var result = await _client.PutRecordsAsync(name, entries, Ct);
        Assert.Equal(0, result.FailedRecordCount);
        Assert.Equal(500, result.Records.Count);
        Assert.All(result.Records, r => Assert.Null(r.ErrorCode));
        Assert.Equal(500, result.Records.Select(r => r.SequenceNumber).Distinct().Count());
        Assert.True(result.Records.Select(r => r.ShardId).Distinct().Count() > 1);

        // Read everything back and match by sequence number.
        var bySeq = new Dictionary<string, KinesisRecord>();
        foreach (var shard in await _client.ListShardsAsync(name, Ct))
        {
            foreach (var r in await ReadAllAsync(name, shard.ShardId))
            {
                bySeq[r.SequenceNumber] = r;
            }
        }

        for (var i = 0; i < 500; i++)
        {
            var r = bySeq[result.Records[i].SequenceNumber!];
            Assert.Equal(entries[i].PartitionKey, r.PartitionKey);
            Assert.Equal(entries[i].Data.ToArray(), r.Data.ToArray());
        }
    }

    [Fact]
    public async Task PutRecords_with_explicit_hash_key_routes_to_that_shard()
    {
        var name = await NewActiveStreamAsync(2);
        var shards = await _client.ListShardsAsync(name, Ct);
        var result = await _client.PutRecordsAsync(name, [new PutRecordsEntry(new byte[] { 1 }, "x", shards[1].StartingHashKey)], Ct);
        Assert.Equal(shards[1].ShardId, result.Records[0].ShardId);
    }

    [Fact]
    public async Task Iterator_types_start_where_they_should()
    {
        var name = await NewActiveStreamAsync(1);
        const string shard = "shardId-000000000000";
        var seqs = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            seqs.Add((await _client.PutRecordAsync(name, new[] { (byte)i }, "k", Ct)).SequenceNumber);
        }

        var latest = await _client.GetShardIteratorAsync(name, shard, ShardIteratorType.Latest, cancellationToken: Ct);
        var afterLatestPut = await _client.PutRecordAsync(name, new byte[] { 9 }, "k", Ct);

        Assert.Equal(seqs.Append(afterLatestPut.SequenceNumber), (await ReadAllAsync(name, shard)).Select(r => r.SequenceNumber));

        var at = await _client.GetShardIteratorAsync(name, shard, ShardIteratorType.AtSequenceNumber, seqs[1], Ct);
        Assert.Equal(seqs[1], (await _client.GetRecordsAsync(at, 10, Ct)).Records[0].SequenceNumber);

        var after = await _client.GetShardIteratorAsync(name, shard, ShardIteratorType.AfterSequenceNumber, seqs[1], Ct);
        Assert.Equal(seqs[2], (await _client.GetRecordsAsync(after, 10, Ct)).Records[0].SequenceNumber);

        var fromLatest = await _client.GetRecordsAsync(latest, 10, Ct);
        Assert.Equal([afterLatestPut.SequenceNumber], fromLatest.Records.Select(r => r.SequenceNumber));

        var limited = await _client.GetRecordsAsync(await _client.GetShardIteratorAsync(name, shard, ShardIteratorType.TrimHorizon, cancellationToken: Ct), 2, Ct);
        Assert.Equal(seqs.Take(2), limited.Records.Select(r => r.SequenceNumber));
    }

    [Fact]
    public async Task ListShards_returns_every_shard()
    {
        var name = await NewActiveStreamAsync(12);
        var shards = await _client.ListShardsAsync(name, Ct);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"shardId-{i:D12}"), shards.Select(s => s.ShardId));
        Assert.All(shards, s => Assert.False(s.IsClosed));
        Assert.Equal("0", shards[0].StartingHashKey);
        Assert.Equal((BigInteger.Pow(2, 128) - 1).ToString(), shards[^1].EndingHashKey);
    }

    [Fact]
    public async Task Split_and_merge_close_parents_and_parents_read_to_the_end()
    {
        var name = await NewActiveStreamAsync(1);
        const string parent = "shardId-000000000000";
        var before = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            before.Add((await _client.PutRecordAsync(name, new[] { (byte)i }, $"k{i}", Ct)).SequenceNumber);
        }

        var middle = (BigInteger.Pow(2, 127)).ToString();
        await _client.SplitShardAsync(name, parent, middle, Ct);
        await _client.WaitForActiveAsync(name, ActiveTimeout, Ct);

        var shards = await _client.ListShardsAsync(name, Ct);
        Assert.Equal(3, shards.Count);
        var closed = shards.Single(s => s.ShardId == parent);
        Assert.True(closed.IsClosed);
        Assert.NotNull(closed.EndingSequenceNumber);
        var children = shards.Where(s => s.ParentShardId == parent).ToList();
        Assert.Equal(2, children.Count);
        Assert.Equal(middle, children.Single(c => c.StartingHashKey == middle).StartingHashKey);
        Assert.Equal((BigInteger.Pow(2, 127) - 1).ToString(), children.Single(c => c.StartingHashKey == "0").EndingHashKey);
        Assert.Equal(2, (await _client.DescribeStreamSummaryAsync(name, Ct)).OpenShardCount);

        // The closed parent reads to its end: all its records, then a null iterator.
        var iterator = await _client.GetShardIteratorAsync(name, parent, ShardIteratorType.TrimHorizon, cancellationToken: Ct);
        var read = new List<string>();
        for (var guard = 0; iterator is not null && guard < 100; guard++)
        {
            var page = await _client.GetRecordsAsync(iterator, 2, Ct);
            read.AddRange(page.Records.Select(r => r.SequenceNumber));
            iterator = page.NextShardIterator;
        }

        Assert.Null(iterator);
        Assert.Equal(before, read);

        // Merge the two children back.
        var ordered = children.OrderBy(c => BigInteger.Parse(c.StartingHashKey)).ToList();
        await _client.MergeShardsAsync(name, ordered[0].ShardId, ordered[1].ShardId, Ct);
        await _client.WaitForActiveAsync(name, ActiveTimeout, Ct);
        shards = await _client.ListShardsAsync(name, Ct);
        Assert.Equal(4, shards.Count);
        var merged = shards.Single(s => s.ParentShardId == ordered[0].ShardId);
        Assert.Equal(ordered[1].ShardId, merged.AdjacentParentShardId);
        Assert.False(merged.IsClosed);
        Assert.Equal("0", merged.StartingHashKey);
        Assert.All(shards.Where(s => s.ShardId != merged.ShardId), s => Assert.True(s.IsClosed));
        Assert.Equal(1, (await _client.DescribeStreamSummaryAsync(name, Ct)).OpenShardCount);

        var afterMerge = await _client.PutRecordAsync(name, new byte[] { 7 }, "after-merge", Ct);
        Assert.Equal(merged.ShardId, afterMerge.ShardId);
    }

    [Fact]
    public async Task Bad_iterator_is_a_validation_error_and_not_retried()
    {
        using var client = TestClients.For(kinesalite.Endpoint);
        var e = await Assert.ThrowsAsync<KinesisException>(() => client.GetRecordsAsync("bm90LWFuLWl0ZXJhdG9y", 10, Ct));
        Assert.Equal(400, e.StatusCode);
        Assert.False(e.IsExpiredIterator);
    }

    private async Task<string> NewActiveStreamAsync(int shards)
    {
        var name = KinesaliteFixture.NewStreamName();
        await _client.CreateStreamAsync(name, shards, Ct);
        await _client.WaitForActiveAsync(name, ActiveTimeout, Ct);
        return name;
    }

    private async Task<List<KinesisRecord>> ReadAllAsync(string stream, string shardId)
    {
        var all = new List<KinesisRecord>();
        string? it = await _client.GetShardIteratorAsync(stream, shardId, ShardIteratorType.TrimHorizon, cancellationToken: Ct);
        while (it is not null)
        {
            var page = await _client.GetRecordsAsync(it, 10_000, Ct);
            all.AddRange(page.Records);
            if (page.Records.Count == 0 && page.MillisBehindLatest == 0)
            {
                break;
            }

            it = page.NextShardIterator;
        }

        return all;
    }
}
