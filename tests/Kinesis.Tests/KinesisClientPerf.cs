using System.Diagnostics;
using Upt.TestSupport;
using Xunit;

namespace Upt.Kinesis.Tests;

/// <summary>A throwaway GetRecords throughput measurement (explicit only; asserts nothing about time).</summary>
public sealed class KinesisClientPerf(KinesaliteFixture kinesalite)
{
    [Fact(Explicit = true)]
    public async Task GetRecords_throughput_of_10000_records_of_1KB()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = TestClients.For(kinesalite.Endpoint);
        var name = KinesaliteFixture.NewStreamName("perf");
        await client.CreateStreamAsync(name, 1, ct);
        await client.WaitForActiveAsync(name, TimeSpan.FromSeconds(30), ct);
        var payload = new byte[1024];
        Random.Shared.NextBytes(payload);
        for (var b = 0; b < 20; b++)
        {
            var r = await client.PutRecordsAsync(name, Enumerable.Range(0, 500).Select(i => new PutRecordsEntry(payload, $"pk-{b}-{i}")).ToList(), ct);
            Assert.Equal(0, r.FailedRecordCount);
        }

        for (var round = 0; round < 5; round++)
        {
            var it = await client.GetShardIteratorAsync(name, "shardId-000000000000", ShardIteratorType.TrimHorizon, cancellationToken: ct);
            var sw = Stopwatch.StartNew();
            var page = await client.GetRecordsAsync(it, 10_000, ct);
            var total = sw.Elapsed;
            Assert.Equal(10_000, page.Records.Count);
            TestContext.Current.SendDiagnosticMessage($"round {round}: 10,000 records in {total.TotalMilliseconds:0} ms = {10_000 / total.TotalSeconds:0} records/s");
            Console.WriteLine($"PERF round {round}: GetRecords 10,000 x 1 KB in {total.TotalMilliseconds:0} ms = {10_000 / total.TotalSeconds:0} records/s");
        }

        // The client's own share: parsing a 10,000-record answer (about 14 MB of JSON).
        var json = new System.Text.StringBuilder("{\"Records\":[");
        var data = Convert.ToBase64String(payload);
        for (var i = 0; i < 10_000; i++)
        {
            json.Append(i == 0 ? "" : ",").Append("{\"SequenceNumber\":\"4959033827149025660855969253836157109592157598913658").Append(i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture))
                .Append("\",\"ApproximateArrivalTimestamp\":1700000000.123,\"Data\":\"").Append(data).Append("\",\"PartitionKey\":\"pk-").Append(i).Append("\"}");
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(json.Append("],\"NextShardIterator\":\"AAAA\",\"MillisBehindLatest\":0}").ToString());
        for (var round = 0; round < 5; round++)
        {
            var sw = Stopwatch.StartNew();
            var parsed = Internal.KinesisJson.ReadGetRecords(bytes);
            Console.WriteLine($"PERF parse round {round}: {bytes.Length / 1e6:0.0} MB, {parsed.Records.Count} records in {sw.Elapsed.TotalMilliseconds:0.0} ms = {parsed.Records.Count / sw.Elapsed.TotalSeconds:0} records/s");
        }
    }
}
