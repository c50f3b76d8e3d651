using System.Text;
using System.Text.Json.Nodes;
using Upt.Feed.Envelopes;
using Upt.Feed.Synthetic;
using Upt.TestSupport;
using static Upt.Integration.Tests.IngestChecks;

namespace Upt.Integration.Tests;

/// <summary>
/// Bad records among good ones on the same shards: each bad one becomes exactly one error record, every good one is
/// ingested, and nothing behind a bad record is held up.
/// </summary>
[Collection(SharedClusterCollection.Name)]
public sealed class BadInputTests(ClusterFixture fixture)
{
    private const int Good = 600;

    [Fact(Timeout = 300_000)]
    public async Task BadRecordsBecomeErrorsAndDoNotBlockTheShard()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var domain = NewDomain("bad");
        await fixture.Api.CreateDomainAsync(domain, cancellationToken);

        var good = new SyntheticTrafficGenerator(4_242, domain).Generate(Good).ToList();
        var bad = BadEnvelopes(domain, good);
        foreach (var (name, bytes) in bad)
        {
            Assert.True(ExpectedIngest.Transform(bytes) is null, $"{name} should be rejected by the transforms");
        }

        // Not JSON at all: the record names no domain, so its error cannot be listed under ours.
        var notJson = Encoding.UTF8.GetBytes($"not json {{ {Guid.NewGuid():N}");

        // Bad records early on, under the partition keys of good ones, so that good records follow them on every shard.
        var records = good.Select(e => new RecordToPut(e.PartitionKey, e.EnvelopeJson)).ToList();
        for (var i = 0; i < bad.Count; i++)
        {
            records.Insert(3 + (i * 7), new RecordToPut(good[i * 13].PartitionKey, bad[i].Bytes));
        }

        records.Insert(10, new RecordToPut(good[1].PartitionKey, notJson));
        var expected = ExpectedIngest.Of(records.Where(r => r.Data != notJson).Select(r => r.Data));
        Assert.Equal(bad.Count, expected.Errors);

        var silo = new Uri($"http://127.0.0.1:{fixture.Cluster.Silos[0].HttpPort}");
        var before = await Metrics.ScrapeAsync(silo, cancellationToken);

        var put = await JsProducer.PutAsync(fixture.Cluster.KinesisEndpoint, fixture.Cluster.StreamName, records, cancellationToken);
        Assert.Equal(0, put.FailedEntries);
        Assert.True(put.Positions.Select(p => p.ShardId).Distinct().Count() > 1, "the records should spread over several shards");

        var counts = await WaitUntilIngestedAsync(fixture, domain, expected, TimeSpan.FromMinutes(3));
        AssertCounts(expected, counts);
        await AssertDatabaseAsync(fixture, domain, expected);

        // Exactly one error record per bad envelope, each keeping the raw record.
        var (total, items) = await fixture.Api.GetErrorsAsync(domain, 100, cancellationToken);
        Assert.Equal(bad.Count, total);
        Assert.Equal(bad.Count, items.Count);
        Assert.All(items, e => Assert.Equal(domain, (string?)e["domain"]));
        Assert.Equal(
            bad.Select(b => Encoding.UTF8.GetString(b.Bytes)).Order(StringComparer.Ordinal),
            items.Select(e => (string?)e["reccord"] ?? "").Order(StringComparer.Ordinal));

        var notJsonErrors = await Eventually.WaitAsync(
            () => fixture.Database.ErrorsWithRawAsync(Encoding.UTF8.GetString(notJson), cancellationToken),
            rows => rows.Count > 0,
            TimeSpan.FromMinutes(1),
            "the error record of the non-JSON record");
        var (errorDomain, message) = Assert.Single(notJsonErrors);
        Assert.Equal("", errorDomain);

        // The silo's Prometheus metrics moved by exactly this test's records: every record read once, one error
        // per rejected record (bad envelopes and the non-JSON one), and the good objects by type.
        var after = await Metrics.ScrapeAsync(silo, cancellationToken);
        Assert.Equal(records.Count, Metrics.Sum(after, "records_read_total") - Metrics.Sum(before, "records_read_total"));
        Assert.Equal(bad.Count + 1, Metrics.Sum(after, "upt_ingest_errors_total") - Metrics.Sum(before, "upt_ingest_errors_total"));
        Assert.Equal(expected.Profiles, Metrics.Sum(after, "upt_ingest_profiles_created_total") - Metrics.Sum(before, "upt_ingest_profiles_created_total"));
        Assert.Contains("millis_behind_latest_milliseconds{", after, StringComparison.Ordinal);
        Assert.Contains("orleans_catalog_activation_created_total{", after, StringComparison.Ordinal);
        // Request durations are recorded as responses complete and scrapes are cached briefly: wait for the route.
        await Eventually.WaitAsync(
            () => Metrics.ScrapeAsync(fixture.Cluster.ApiUrl, cancellationToken),
            api => api.Contains("http_route=\"/api/ucp/error/\"", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30),
            "the API's request-duration metric for /api/ucp/error/ (route pattern of the group)");
        Report($"{bad.Count} bad envelopes -> {total} errors in {domain}; the non-JSON record -> 1 error without domain ({message})");
    }

    /// <summary>Envelopes the transforms must reject, each named for the failure messages.</summary>
    private static List<(string Name, byte[] Bytes)> BadEnvelopes(string domain, IReadOnlyList<GeneratedEnvelope> good)
    {
        var at = new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var bad = new List<(string, byte[])>();

        // The shared invalid business objects, wrapped as their file name says.
        foreach (var file in Directory.GetFiles(SharedData.UptFile("invalid")).Order(StringComparer.Ordinal))
        {
            var type = Path.GetFileName(file).Split('.')[0];
            foreach (var line in File.ReadAllLines(file).Where(l => l.Trim().Length > 0))
            {
                bad.Add(($"invalid/{Path.GetFileName(file)}", EnvelopeWriter.Wrap(type, domain, JsonNode.Parse(line)!, at, Guid.NewGuid().ToString())));
            }
        }

        var airBooking = good.First(e => e.ObjectType == "air_booking");

        // A wrong-typed field in the business object: passengerInfo must be an object.
        var wrongData = JsonNode.Parse(airBooking.EnvelopeJson)!.AsObject();
        wrongData["data"]!["passengerInfo"] = "not an object";
        wrongData["uid"] = Guid.NewGuid().ToString();
        bad.Add(("air_booking with a string passengerInfo", Encoding.UTF8.GetBytes(wrongData.ToJsonString())));

        // A wrong-typed envelope field: uid must be a string.
        var wrongEnvelope = JsonNode.Parse(airBooking.EnvelopeJson)!.AsObject();
        wrongEnvelope["uid"] = 42;
        bad.Add(("envelope with a numeric uid", Encoding.UTF8.GetBytes(wrongEnvelope.ToJsonString())));

        // data that is not an object, and an object type Upt does not know.
        var listData = JsonNode.Parse(airBooking.EnvelopeJson)!.AsObject();
        listData["data"] = new JsonArray(1, 2, 3);
        listData["uid"] = Guid.NewGuid().ToString();
        bad.Add(("envelope whose data is a list", Encoding.UTF8.GetBytes(listData.ToJsonString())));
        bad.Add(("unknown object type", EnvelopeWriter.Wrap("spaceship", domain, new JsonObject { ["id"] = "x1" }, at, Guid.NewGuid().ToString())));
        return bad;
    }
}
