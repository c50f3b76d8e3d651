using Upt.Feed.Synthetic;
using static Upt.Integration.Tests.IngestChecks;

namespace Upt.Integration.Tests.Batch;

/// <summary>
/// The all-types job (<c>run-all-jobs</c>) over a local folder of envelopes spread over days: exact counts, bad lines
/// as error records naming file and line, bookmarks per file (a re-run ingests nothing, a late file only itself), and
/// <c>from</c> re-running days without changing anything.
/// </summary>
[Collection(BatchClusterCollection.Name)]
public sealed class BatchFolderJobTests(BatchClusterFixture fixture) : IDisposable
{
    private static readonly DateOnly Day1 = new(2024, 1, 1);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "upt-batch-it", Guid.NewGuid().ToString("N"));
    private readonly JobApiClient _jobs = new(fixture.ApiUrl);

    public void Dispose()
    {
        _jobs.Dispose();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact(Timeout = 180_000)]
    public async Task Envelopes_of_every_type_are_ingested_once_per_file_and_reruns_change_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var domain = NewDomain("bfold");
        await fixture.Api.CreateDomainAsync(domain, ct);

        var lines = new SyntheticTrafficGenerator(77, domain).Generate(300).Select(e => System.Text.Encoding.UTF8.GetString(e.EnvelopeJson)).ToList();
        var files = BatchData.OverDays(domain, lines, Day1, 3);
        // Day 2, after its 10th line: an envelope of another domain, a bare object (type unknown to this job), a blank line.
        var other = new SyntheticTrafficGenerator(1, "other_domain").Generate(1).Single();
        var day2 = files[1].Lines.ToList();
        day2.InsertRange(10, [System.Text.Encoding.UTF8.GetString(other.EnvelopeJson), """{"id":"bare-1","firstName":"Ann"}""", "   "]);
        files[1] = files[1] with { Lines = day2 };
        BatchData.WriteFolder(_root, files);
        File.WriteAllText(Path.Combine(_root, domain, "README.txt"), "not a batch file");

        var (envelopes, rejected) = BatchData.Expect(_root, domain, null, files);
        Assert.Equal([BatchData.SourceId(_root, files[1].Path, 11), BatchData.SourceId(_root, files[1].Path, 12)], rejected);
        var expected = ExpectedIngest.Of(envelopes);
        Assert.Equal(0, expected.Errors);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var run = await _jobs.StartOkAsync(domain, "run-all-jobs", _root, null, ct);
        var job = await _jobs.WaitAsync(domain, "run-all-jobs", run, ct);
        Report($"batch folder run: 302 lines in {watch.Elapsed.TotalSeconds:0.00} s ({302 / watch.Elapsed.TotalSeconds:0}/s), job says {(double?)job["recordsPerSecond"]}/s");
        BatchChecks.AssertRun(job, filesTotal: 3, filesDone: 3, filesSkipped: 0, records: 302, errors: 2);
        Assert.Equal(1, (int?)job["filesIgnored"]);
        Assert.Equal(_root, (string?)job["source"]);
        await BatchChecks.AssertDomainAsync(fixture, domain, expected, errors: 2);

        // Each bad line is one error record naming its file and line.
        var (total, items) = await fixture.Api.GetErrorsAsync(domain, 10, ct);
        Assert.Equal(2, total);
        var bySource = items.ToDictionary(e => (string)e["source"]!, e => (string)e["message"]!);
        Assert.StartsWith("envelope domain 'other_domain' is not the job's domain", bySource[rejected[0]], StringComparison.Ordinal);
        Assert.StartsWith("cannot tell the object type", bySource[rejected[1]], StringComparison.Ordinal);

        // Again: every file is bookmarked, nothing is read.
        run = await _jobs.StartOkAsync(domain, "run-all-jobs", _root, null, ct);
        BatchChecks.AssertRun(await _jobs.WaitAsync(domain, "run-all-jobs", run, ct), filesTotal: 3, filesDone: 0, filesSkipped: 3, records: 0, errors: 0);
        await BatchChecks.AssertDomainAsync(fixture, domain, expected, errors: 2);

        // A file arriving late into the first day is picked up (bookmarks are per file, not per day), alone.
        var late = new SyntheticTrafficGenerator(5077, domain).Generate(30).Select(e => System.Text.Encoding.UTF8.GetString(e.EnvelopeJson)).ToList();
        var lateFile = BatchData.OverDays(domain, late, Day1, 1, "part-1.jsonl");
        BatchData.WriteFolder(_root, lateFile);
        var withLate = ExpectedIngest.Of(envelopes.Concat(BatchData.Expect(_root, domain, null, lateFile).Envelopes));
        run = await _jobs.StartOkAsync(domain, "run-all-jobs", _root, null, ct);
        BatchChecks.AssertRun(await _jobs.WaitAsync(domain, "run-all-jobs", run, ct), filesTotal: 4, filesDone: 1, filesSkipped: 3, records: 30, errors: 0);
        await BatchChecks.AssertDomainAsync(fixture, domain, withLate, errors: 2);

        // From day 2: its files run again regardless of bookmarks; ingestion is idempotent, so nothing changes.
        run = await _jobs.StartOkAsync(domain, "run-all-jobs", _root, "2024-01-02", ct);
        job = await _jobs.WaitAsync(domain, "run-all-jobs", run, ct);
        BatchChecks.AssertRun(job, filesTotal: 4, filesDone: 2, filesSkipped: 2, records: 202, errors: 2);
        Assert.Equal("2024-01-02", (string?)job["from"]);
        await BatchChecks.AssertDomainAsync(fixture, domain, withLate, errors: 2);
    }
}
