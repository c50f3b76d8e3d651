using System.Text;
using System.Text.Json.Nodes;
using Upt.Feed.Synthetic;
using Upt.Integration.Tests.Batch;
using Upt.S3;
using Upt.TestSupport;
using static Upt.Integration.Tests.IngestChecks;

namespace Upt.Integration.Tests.Backup;

/// <summary>The raw backup into an S3-compatible bucket (s3rver, settings under Backup:S3), replayed from there.</summary>
public sealed class S3BackupTests(S3BackupClusterFixture fixture) : IClassFixture<S3BackupClusterFixture>, IDisposable
{
    private const int Objects = 60;
    private readonly JobApiClient _jobs = new(fixture.ApiUrl);
    private readonly HttpClient _http = new() { BaseAddress = fixture.ApiUrl, Timeout = TimeSpan.FromSeconds(60) };

    public void Dispose()
    {
        _jobs.Dispose();
        _http.Dispose();
    }

    [Fact(Timeout = 180_000)]
    public async Task Consumed_records_are_backed_up_into_the_bucket_and_replay_from_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await fixture.S3.CreateBucketAsync(fixture.Bucket, ct);
        var domain = NewDomain("bks3");
        await fixture.Api.CreateDomainAsync(domain, ct);
        var envelopes = new SyntheticTrafficGenerator(73, domain).Generate(Objects).ToList();
        var expected = ExpectedIngest.Of(envelopes.Select(e => e.EnvelopeJson));

        var put = await JsProducer.PutAsync(fixture.Cluster.KinesisEndpoint, fixture.Cluster.StreamName,
            envelopes.Select(e => new RecordToPut(e.PartitionKey, e.EnvelopeJson)).ToList(), ct);
        Assert.Equal(0, put.FailedEntries);
        AssertCounts(expected, await WaitUntilIngestedAsync(fixture, domain, expected, TimeSpan.FromMinutes(2)));

        var lines = await Eventually.WaitAsync(() => BackedUpLinesAsync(domain, ct), l => l.Count >= Objects, TimeSpan.FromSeconds(30), $"{Objects} records in {fixture.Target}");
        Assert.Equal(envelopes.Select(e => Encoding.UTF8.GetString(e.EnvelopeJson)).Order(StringComparer.Ordinal), lines.Order(StringComparer.Ordinal));

        using (var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/ucp/admin/{domain}"))
        {
            request.Headers.Add("customer-profiles-domain", domain);
            using var response = await _http.SendAsync(request, ct);
            Assert.True(response.IsSuccessStatusCode, $"DELETE {domain}: {(int)response.StatusCode}");
        }

        await fixture.Api.CreateDomainAsync(domain, ct);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var rq = new JsonObject { ["jobName"] = "run-all-jobs", ["source"] = fixture.Target, ["from"] = "2020-01-01", ["to"] = today };
        var (status, body) = await _jobs.PostAsync(domain, new JsonObject { ["startJobRq"] = rq }, ct);
        Assert.True(status == 200, body.ToJsonString());
        var run = await _jobs.WaitAsync(domain, "run-all-jobs", (long)body["awsResources"]!["jobs"]![0]!["runId"]!, ct);
        Assert.Equal(("SUCCEEDED", (long)Objects, 0L, 0L), ((string?)run["status"], (long?)run["records"], (long?)run["errors"], (long?)run["linesSkipped"]));
        await BatchChecks.AssertDomainAsync(fixture, domain, expected, errors: 0);
    }

    private async Task<List<string>> BackedUpLinesAsync(string domain, CancellationToken ct)
    {
        var lines = new List<string>();
        await foreach (var o in fixture.S3.ListAllObjectsAsync(fixture.Bucket, $"raw/{domain}/", cancellationToken: ct))
        {
            Assert.Matches($@"^raw/{domain}/\d{{4}}/\d{{2}}/\d{{2}}/kinesis-shardId-\d+-\d+\.jsonl$", o.Key);
            var text = Encoding.UTF8.GetString(await fixture.S3.GetObjectBytesAsync(fixture.Bucket, o.Key, ct));
            lines.AddRange(text.TrimEnd('\n').Split('\n'));
        }

        return lines;
    }
}
