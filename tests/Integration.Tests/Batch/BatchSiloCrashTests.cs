using System.Text;
using Upt.Feed.Synthetic;
using Upt.TestSupport;
using static Upt.Integration.Tests.IngestChecks;

namespace Upt.Integration.Tests.Batch;

/// <summary>
/// The silo running a job is killed (SIGKILL) mid-run: the run is reported FAILED once its heartbeat is stale (never
/// RUNNING forever), and running the job again skips the files bookmarked before the crash and ends with exact counts.
/// </summary>
public sealed class BatchSiloCrashTests(BatchSiloCrashTests.Fixture fixture) : IClassFixture<BatchSiloCrashTests.Fixture>, IDisposable
{
    private const int Files = 24;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "upt-batch-crash", Guid.NewGuid().ToString("N"));
    private readonly JobApiClient _jobs = new(fixture.ApiUrl);

    public void Dispose()
    {
        _jobs.Dispose();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact(Timeout = 240_000)]
    public async Task A_run_whose_silo_died_is_failed_and_a_rerun_finishes_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var domain = NewDomain("bcrash");
        await fixture.Api.CreateDomainAsync(domain, ct);
        var lines = new SyntheticTrafficGenerator(4040, domain).Generate(Files * 400).Select(e => Encoding.UTF8.GetString(e.EnvelopeJson)).ToList();
        var files = BatchData.OverDays(domain, lines, new DateOnly(2024, 4, 1), Files);
        BatchData.WriteFolder(_root, files);
        var expected = ExpectedIngest.Of(BatchData.Expect(_root, domain, null, files).Envelopes);

        var run = await _jobs.StartOkAsync(domain, "run-all-jobs", _root, null, ct);
        var before = await Eventually.WaitAsync(
            () => _jobs.GetJobAsync(domain, "run-all-jobs", ct),
            j => (int?)j["filesDone"] >= 3 || (string?)j["status"] != "RUNNING",
            TimeSpan.FromSeconds(60),
            "three files to be ingested");
        Assert.Equal("RUNNING", (string?)before["status"]);
        await fixture.Cluster.KillSiloAsync(0);
        await fixture.Cluster.StartSiloAsync(0, ct);

        var failed = await Eventually.WaitAsync(
            async () => (await _jobs.ListAsync(domain, ct)) is (200, var body)
                ? body["awsResources"]!["jobs"]!.AsArray().Single(j => (string?)j!["jobName"] == "run-all-jobs")!.AsObject()
                : null,
            j => j is not null && (string?)j["status"] != "RUNNING",
            TimeSpan.FromSeconds(90),
            "the dead run to be reported as failed");
        Assert.Equal("FAILED", (string?)failed!["status"]);
        Assert.Equal(run, (long?)failed["runId"]);
        Assert.Contains("stopped sending heartbeats", (string?)failed["lastError"], StringComparison.Ordinal);
        // The row holds the progress of the last heartbeat; the bookmarks were written as each file completed.
        var bookmarked = (int)before["filesDone"]!;
        Assert.InRange((int)failed["filesDone"]!, 0, bookmarked);

        var rerun = await _jobs.StartOkAsync(domain, "run-all-jobs", _root, null, ct);
        var job = await _jobs.WaitAsync(domain, "run-all-jobs", rerun, ct);
        Assert.Equal("SUCCEEDED", (string?)job["status"]);
        Assert.Equal(Files, (int?)job["filesTotal"]);
        Assert.True((int)job["filesSkipped"]! >= bookmarked, job.ToJsonString());
        Assert.Equal(Files, (int)job["filesSkipped"]! + (int)job["filesDone"]!);
        Report($"batch crash re-run: {(long?)job["records"]} lines at {(double?)job["recordsPerSecond"]}/s");
        await BatchChecks.AssertDomainAsync(fixture, domain, expected, errors: 0);
    }

    /// <summary>Its own cluster: the test kills the silo.</summary>
    public sealed class Fixture : BatchClusterFixture
    {
        protected override DevInfra.LocalClusterOptions CreateOptions()
        {
            var options = base.CreateOptions();
            options.SiloEnvironment["Batch__ChunkSize"] = "200";
            options.SiloEnvironment["Batch__StaleAfter"] = "00:00:05";
            return options;
        }
    }
}
