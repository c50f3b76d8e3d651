using System.Text.Json.Nodes;
using Upt.TestSupport;
using static Upt.Integration.Tests.IngestChecks;

namespace Upt.Integration.Tests.Batch;

/// <summary><c>GET/POST /api/ucp/jobs</c>: UPT's shapes, and clear refusals of bad input.</summary>
[Collection(BatchClusterCollection.Name)]
public sealed class JobApiTests(BatchClusterFixture fixture) : IDisposable
{
    private readonly JobApiClient _jobs = new(fixture.ApiUrl);

    public void Dispose() => _jobs.Dispose();

    [Fact(Timeout = 60_000)]
    public async Task Jobs_are_listed_in_upts_shape_before_they_ever_ran()
    {
        var ct = TestContext.Current.CancellationToken;
        var domain = NewDomain("japi");
        await fixture.Api.CreateDomainAsync(domain, ct);

        var (status, body) = await _jobs.ListAsync(domain, ct);

        Assert.Equal(200, status);
        Assert.False(string.IsNullOrEmpty((string?)body["TxID"]));
        Assert.Equal("""{"code":"","msg":"","type":""}""", body["error"]!.ToJsonString());
        var jobs = (body["awsResources"]!["jobs"] as JsonArray)!;
        Assert.Equal(
            ["air_booking", "pax_profile", "guest_profile", "hotel_booking", "hotel_stay", "customer_service_interaction", "clickstream", "run-all-jobs"],
            jobs.Select(j => (string)j!["jobName"]!));
        Assert.All(jobs, j =>
        {
            Assert.Equal("not_running", (string?)j!["status"]);
            Assert.Equal("0001-01-01T00:00:00Z", (string?)j["lastRunTime"]);
            Assert.Equal(0, (long?)j["records"]);
        });
        Assert.Equal("*", (string?)jobs[7]!["objectType"]);
    }

    [Fact(Timeout = 60_000)]
    public async Task Bad_requests_are_refused_with_what_is_wrong()
    {
        var ct = TestContext.Current.CancellationToken;
        var domain = NewDomain("jbad");
        await fixture.Api.CreateDomainAsync(domain, ct);
        var folder = Directory.CreateTempSubdirectory("upt-batch-api").FullName;
        try
        {
            await AssertRefusedAsync(await _jobs.ListAsync(null, ct), 400, "customer-profiles-domain header is required");
            await AssertRefusedAsync(await _jobs.ListAsync("no_such_domain", ct), 404, "domain no_such_domain not found");
            await AssertRefusedAsync(await _jobs.PostAsync(domain, null, ct), 400, "request body is not valid JSON");
            await AssertRefusedAsync(await _jobs.PostAsync(domain, new JsonObject(), ct), 400, "startJobRq is required");
            await AssertRefusedAsync(await _jobs.PostAsync(domain, new JsonObject { ["startJobRq"] = new JsonObject() }, ct), 400, "startJobRq.jobName is required");
            await AssertRefusedAsync(await _jobs.PostAsync(domain, new JsonObject { ["startJobRq"] = new JsonObject { ["jobName"] = 3 } }, ct), 400, "startJobRq.jobName must be a string");
            await AssertRefusedAsync(await _jobs.StartAsync(domain, "hotel", folder, null, ct), 400, "unknown job name 'hotel'; expected one of air_booking,");
            await AssertRefusedAsync(await _jobs.StartAsync(domain, "hotel_stay", folder, "2024-13-01", ct), 400, "from '2024-13-01' is not a date (YYYY-MM-DD)");
            await AssertRefusedAsync(await _jobs.StartAsync(domain, "hotel_stay", "relative/folder", null, ct), 400, "must be an absolute path");
            await AssertRefusedAsync(await _jobs.StartAsync(domain, "hotel_stay", folder + "/missing", null, ct), 400, "does not exist");
            await AssertRefusedAsync(await _jobs.StartAsync(domain, "hotel_stay", "s3://Not_A_Bucket", null, ct), 400, "Invalid S3 location");
            await AssertRefusedAsync(await _jobs.StartAsync(domain, "hotel_stay", "ftp://host/x", null, ct), 400, "unsupported source");
            await AssertRefusedAsync(await _jobs.StartAsync(domain, "hotel_stay", $"s3://{S3rverFixture.NewBucketName("nope")}", null, ct), 400, "cannot list");
            await AssertRefusedAsync(await _jobs.StartAsync(domain, "hotel_stay", null, null, ct), 400, "source is required");
            await AssertRefusedAsync(await _jobs.StartAsync("no_such_domain", "hotel_stay", folder, null, ct), 404, "domain no_such_domain not found");
            var mismatch = new JsonObject { ["startJobRq"] = new JsonObject { ["jobName"] = "hotel_stay", ["domainName"] = "another_one", ["source"] = folder } };
            await AssertRefusedAsync(await _jobs.PostAsync(domain, mismatch, ct), 400, "differs from the customer-profiles-domain header");

            // UPT's domainName stands in for the header.
            var byName = new JsonObject { ["startJobRq"] = new JsonObject { ["jobName"] = "hotel_stay", ["domainName"] = domain, ["source"] = folder } };
            var (status, body) = await _jobs.PostAsync(null, byName, ct);
            Assert.True(status == 200, body.ToJsonString());
            var run = (long)body["awsResources"]!["jobs"]![0]!["runId"]!;
            BatchChecks.AssertRun(await _jobs.WaitAsync(domain, "hotel_stay", run, ct), filesTotal: 0, filesDone: 0, filesSkipped: 0, records: 0, errors: 0);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Task AssertRefusedAsync((int Status, JsonObject Body) response, int status, string message)
    {
        var text = response.Body.ToJsonString();
        Assert.True(response.Status == status, $"expected {status}, got {response.Status}: {text}");
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)response.Body["error"]?["code"]);
        Assert.Contains(message, (string?)response.Body["error"]?["msg"] ?? "", StringComparison.Ordinal);
        return Task.CompletedTask;
    }
}
