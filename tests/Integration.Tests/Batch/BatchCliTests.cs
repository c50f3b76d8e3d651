using System.Diagnostics;
using Upt.Feed.Synthetic;
using static Upt.Integration.Tests.IngestChecks;

namespace Upt.Integration.Tests.Batch;

/// <summary>`upt batch` as a user runs it: a relative folder, progress on stderr, the summary line on stdout, exit codes.</summary>
[Collection(BatchClusterCollection.Name)]
public sealed class BatchCliTests(BatchClusterFixture fixture) : IDisposable
{
    private readonly string _workDir = Directory.CreateTempSubdirectory("upt-batch-cli").FullName;

    public void Dispose() => Directory.Delete(_workDir, recursive: true);

    [Fact(Timeout = 120_000)]
    public async Task Batch_verb_runs_a_job_to_the_end_and_reports_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var domain = NewDomain("bcli");
        await fixture.Api.CreateDomainAsync(domain, ct);
        var guests = new SyntheticTrafficGenerator(31, domain).Generate(400)
            .Where(e => e.ObjectType == "guest_profile")
            .Select(e => System.Text.Json.Nodes.JsonNode.Parse(e.EnvelopeJson)!["data"]!.ToJsonString())
            .ToList();
        var files = BatchData.OverDays(domain, guests, new DateOnly(2024, 3, 1), 2);
        BatchData.WriteFolder(Path.Combine(_workDir, "in"), files);
        var expected = ExpectedIngest.Of(BatchData.Expect(Path.Combine(_workDir, "in"), domain, "guest_profile", files).Envelopes);

        var result = await RunCliAsync(ct, "batch", "--source", "in", "--domain", domain, "--object-type", "guest_profile", "--api", fixture.ApiUrl.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        var last = result.Stdout.TrimEnd().Split('\n')[^1];
        Assert.StartsWith("batch: job=guest_profile run=", last, StringComparison.Ordinal);
        Assert.Contains($"status=SUCCEEDED files=2 done=2 skipped=0 ignored=0 records={guests.Count} errors=0 ", last, StringComparison.Ordinal);
        Assert.Contains("SUCCEEDED", result.Stderr, StringComparison.Ordinal);
        await BatchChecks.AssertDomainAsync(fixture, domain, expected, errors: 0);

        var refused = await RunCliAsync(ct, "batch", "--source", "missing", "--domain", domain, "--api", fixture.ApiUrl.ToString());
        Assert.True(refused.ExitCode == 2, refused.ToString());
        Assert.Contains("batch: error:", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("does not exist", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal("", refused.Stdout);
    }

    [Fact(Timeout = 120_000)]
    public async Task Ctrl_c_stops_watching_and_the_job_runs_on_in_the_silo()
    {
        var ct = TestContext.Current.CancellationToken;
        var domain = NewDomain("bctrlc");
        await fixture.Api.CreateDomainAsync(domain, ct);
        var lines = new SyntheticTrafficGenerator(32, domain).Generate(6000).Select(e => System.Text.Encoding.UTF8.GetString(e.EnvelopeJson)).ToList();
        var folder = Path.Combine(_workDir, "all");
        BatchData.WriteFolder(folder, BatchData.OverDays(domain, lines, new DateOnly(2024, 3, 1), 6));

        var psi = StartInfo("batch", "--source", folder, "--domain", domain, "--api", fixture.ApiUrl.ToString());
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start dotnet");
        process.StandardInput.Close();
        var started = new TaskCompletionSource();
        var stderr = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }

            if (e.Data?.Contains("started in domain", StringComparison.Ordinal) == true)
            {
                started.TrySetResult();
            }
        };
        process.BeginErrorReadLine();
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
        using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync(ct);
        }

        await process.WaitForExitAsync(ct);
        var output = stderr.ToString();
        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}: {output}");
        Assert.Contains("batch: stopped watching. Run ", output, StringComparison.Ordinal);
        Assert.Contains("keeps running in the silo", output, StringComparison.Ordinal);
        Assert.Equal("", await stdout);

        using var jobs = new JobApiClient(fixture.ApiUrl);
        var job = await jobs.GetJobAsync(domain, "run-all-jobs", ct);
        job = await jobs.WaitAsync(domain, "run-all-jobs", (long)job["runId"]!, ct);
        BatchChecks.AssertRun(job, filesTotal: 6, filesDone: 6, filesSkipped: 0, records: 6000, errors: 0);
    }

    private ProcessStartInfo StartInfo(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _workDir,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "upt.dll"));
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        return psi;
    }

    private async Task<CliRun> RunCliAsync(CancellationToken ct, params string[] args)
    {
        using var process = Process.Start(StartInfo(args)) ?? throw new InvalidOperationException("cannot start dotnet");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return new CliRun(process.ExitCode, await stdout, await stderr);
    }

    private sealed record CliRun(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}{Environment.NewLine}stdout:{Environment.NewLine}{Stdout}{Environment.NewLine}stderr:{Environment.NewLine}{Stderr}";
    }
}
