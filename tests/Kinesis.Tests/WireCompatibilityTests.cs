using System.Text;
using System.Text.Json;
using Upt.TestSupport;
using Xunit;

namespace Upt.Kinesis.Tests;

/// <summary>Records written by the official AWS JS client read back exactly with ours, and the reverse.</summary>
public sealed class WireCompatibilityTests(KinesaliteFixture kinesalite) : IDisposable
{
    private readonly KinesisClient _client = TestClients.For(kinesalite.Endpoint);

    public void Dispose() => _client.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Records_put_by_the_js_client_are_read_back_exactly()
    {
        var name = await NewActiveStreamAsync(3);
        var output = await NodeScript.RunAsync("produce.mjs", [kinesalite.Endpoint.ToString(), name, "750"], timeout: TimeSpan.FromSeconds(90));
        var put = JsonSerializer.Deserialize<List<WireRecord>>(output)!;
        Assert.Equal(750, put.Count);

        var read = new Dictionary<string, KinesisRecord>();
        foreach (var shard in await _client.ListShardsAsync(name, Ct))
        {
            string? it = await _client.GetShardIteratorAsync(name, shard.ShardId, ShardIteratorType.TrimHorizon, cancellationToken: Ct);
            while (it is not null)
            {
                var page = await _client.GetRecordsAsync(it, 10_000, Ct);
                foreach (var r in page.Records)
                {
                    read.Add(r.SequenceNumber, r);
                }

                if (page.Records.Count == 0 && page.MillisBehindLatest == 0)
                {
                    break;
                }

                it = page.NextShardIterator;
            }
        }

        Assert.Equal(750, read.Count);
        foreach (var p in put)
        {
            var r = read[p.sequenceNumber];
            Assert.Equal(p.partitionKey, r.PartitionKey);
            Assert.Equal(Convert.FromBase64String(p.dataBase64), r.Data.ToArray());
        }

        Assert.Contains(put, p => p.partitionKey.Contains("ключ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Records_put_by_us_are_read_exactly_by_the_js_client()
    {
        var name = await NewActiveStreamAsync(2);
        var expected = new Dictionary<string, (string Key, byte[] Data)>();
        var single = await _client.PutRecordAsync(name, new byte[] { 0, 0xFF, 0x10 }, "single-ключ-🔑", Ct);
        expected[single.SequenceNumber] = ("single-ключ-🔑", [0, 0xFF, 0x10]);
        var entries = Enumerable.Range(0, 300)
            .Select(i => new PutRecordsEntry(Encoding.UTF8.GetBytes($"c#-{i}-ünï-€").Concat(new byte[] { 0, (byte)i, 0xC3 }).ToArray(), $"k-{i % 5}-é-{i}"))
            .ToList();
        var result = await _client.PutRecordsAsync(name, entries, Ct);
        Assert.Equal(0, result.FailedRecordCount);
        for (var i = 0; i < entries.Count; i++)
        {
            expected[result.Records[i].SequenceNumber!] = (entries[i].PartitionKey, entries[i].Data.ToArray());
        }

        var output = await NodeScript.RunAsync("consume.mjs", [kinesalite.Endpoint.ToString(), name], timeout: TimeSpan.FromSeconds(90));
        var consumed = JsonSerializer.Deserialize<List<WireRecord>>(output)!;
        Assert.Equal(expected.Count, consumed.Count);
        foreach (var c in consumed)
        {
            var (key, data) = expected[c.sequenceNumber];
            Assert.Equal(key, c.partitionKey);
            Assert.Equal(data, Convert.FromBase64String(c.dataBase64));
        }
    }

    private async Task<string> NewActiveStreamAsync(int shards)
    {
        var name = KinesaliteFixture.NewStreamName("wire");
        await _client.CreateStreamAsync(name, shards, Ct);
        await _client.WaitForActiveAsync(name, TimeSpan.FromSeconds(30), Ct);
        return name;
    }

#pragma warning disable IDE1006 // JSON names of the node scripts
    private sealed record WireRecord(string shardId, string sequenceNumber, string partitionKey, string dataBase64);
#pragma warning restore IDE1006
}
