using System.Text.Json.Nodes;
using Upt.TestSupport;
using static Upt.Integration.Tests.IngestChecks;

namespace Upt.Integration.Tests.Batch;

/// <summary>
/// One job per business object type over an s3rver bucket of bare objects (UPT's samples and synthetic ones), one
/// prefix per type as UPT keeps one bucket per type: exact counts, the rejected sample as an error naming its object
/// and line, one run per job at a time, and bookmarks.
/// </summary>
[Collection(BatchClusterCollection.Name)]
public sealed class BatchS3JobTests(BatchClusterFixture fixture) : IDisposable
{
    private static readonly DateOnly Day1 = new(2024, 2, 1);
    private readonly JobApiClient _jobs = new(fixture.ApiUrl);

    public void Dispose() => _jobs.Dispose();

    [Fact(Timeout = 180_000)]
    public async Task Each_object_type_job_wraps_its_bare_objects_from_a_bucket()
    {
        var ct = TestContext.Current.CancellationToken;
        var domain = NewDomain("bs3");
        await fixture.Api.CreateDomainAsync(domain, ct);
        var bucket = S3rverFixture.NewBucketName("batch");
        await fixture.S3.CreateBucketAsync(bucket, ct);

        var envelopes = new List<byte[]>();
        var lineCount = new Dictionary<string, int>(StringComparer.Ordinal);
        var byType = BatchData.BareObjects(400, seed: 99);
        foreach (var (type, objects) in byType)
        {
            var files = BatchData.OverDays(domain, objects, Day1, 2);
            await BatchData.PutAsync(fixture.S3, bucket, $"{type}/", files, ct);
            var (wrapped, rejected) = BatchData.Expect($"s3://{bucket}/{type}", domain, type, files);
            Assert.Empty(rejected);
            envelopes.AddRange(wrapped);
            lineCount[type] = objects.Count;
        }

        var expected = ExpectedIngest.Of(envelopes);
        Assert.Equal(1, expected.Errors); // UPT's ancillary.jsonl sample (externalIds: null)
        Assert.Equal(7, byType.Count);

        // Two starts of one job at once: one runs, the other is told so.
        var racing = await Task.WhenAll(
            _jobs.StartAsync(domain, "clickstream", $"s3://{bucket}/clickstream", null, ct),
            _jobs.StartAsync(domain, "clickstream", $"s3://{bucket}/clickstream", null, ct));
        Assert.Equal([200, 409], racing.Select(r => r.Status).Order());
        var refused = racing.Single(r => r.Status == 409).Body;
        Assert.Contains("already running", (string?)refused["error"]!["msg"], StringComparison.Ordinal);

        var runs = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["clickstream"] = (long)racing.Single(r => r.Status == 200).Body["awsResources"]!["jobs"]![0]!["runId"]!,
        };
        foreach (var type in byType.Keys.Where(t => t != "clickstream"))
        {
            runs[type] = await _jobs.StartOkAsync(domain, type, $"s3://{bucket}/{type}", null, ct);
        }

        foreach (var (type, run) in runs)
        {
            var job = await _jobs.WaitAsync(domain, type, run, ct);
            BatchChecks.AssertRun(job, filesTotal: 2, filesDone: 2, filesSkipped: 0, records: lineCount[type], errors: type == "air_booking" ? 1 : 0);
            Assert.Equal($"s3://{bucket}/{type}", (string?)job["source"]);
        }

        await BatchChecks.AssertDomainAsync(fixture, domain, expected, errors: 1);
        var (_, errors) = await fixture.Api.GetErrorsAsync(domain, 10, ct);
        var error = Assert.Single(errors);
        Assert.Equal(BatchData.SourceId($"s3://{bucket}/air_booking", $"{domain}/2024/02/01/part-0.jsonl", 1), (string?)error["source"]);
        Assert.Equal("externalIds must be a list, got null", (string?)error["message"]);
        Assert.Equal("air_booking", (string?)error["businessObjectType"]);

        // The run-all-jobs job has its own bookmarks and never ran; the listing shows every job's last run.
        var (_, list) = await _jobs.ListAsync(domain, ct);
        var listed = (list["awsResources"]!["jobs"] as JsonArray)!.ToDictionary(j => (string)j!["jobName"]!, j => (string)j!["status"]!);
        Assert.Equal("not_running", listed["run-all-jobs"]);
        Assert.All(byType.Keys, t => Assert.Equal("SUCCEEDED", listed[t]));

        var again = await _jobs.StartOkAsync(domain, "hotel_stay", $"s3://{bucket}/hotel_stay", null, ct);
        BatchChecks.AssertRun(await _jobs.WaitAsync(domain, "hotel_stay", again, ct), filesTotal: 2, filesDone: 0, filesSkipped: 2, records: 0, errors: 0);
        await BatchChecks.AssertDomainAsync(fixture, domain, expected, errors: 1);
    }
}
