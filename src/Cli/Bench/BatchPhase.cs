using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Upt.Cli.Batch;
using Upt.Cli.Run;
using Upt.DevInfra;
using Upt.Feed.Synthetic;
using Upt.Grains;

namespace Upt.Cli.Bench;

/// <summary>
/// Batch throughput: a folder of synthetic objects in the batch layout, ingested by a batch job on freshly started
/// silos (cold, like the end-to-end phase), timed from the job's start until it reports every file done, then checked
/// against the exact counts. Its own domain, so nothing the other phases wrote is counted.
/// </summary>
internal sealed class BatchPhase(LocalCluster cluster, ILogger logger)
{
    public const string Domain = "bench_batch";

    private const int Files = 10;

    /// <summary>Runs the phase; returns the objects, the job's elapsed time and a line of detail and the CPU split during the job.</summary>
    public async Task<(int Objects, TimeSpan Elapsed, string Detail, string Cpu)> RunAsync(int objects, int seed, CancellationToken cancellationToken)
    {
        BenchLog.Phase(logger, string.Create(CultureInfo.InvariantCulture, $"Batch: writing {objects} objects as {Files} JSONL files (not timed)"));
        var envelopes = new SyntheticTrafficGenerator(seed, Domain).Generate(objects).ToList();
        var expected = BenchWorkload.CountOnly(envelopes);
        if (expected.TransformErrors > 0)
        {
            throw new BenchFailedException($"{expected.TransformErrors} synthetic batch objects fail to transform");
        }

        var root = Path.Combine(cluster.DataDirectory, "batch-source");
        var day = Path.Combine(root, Domain, "2026", "01", "15");
        Directory.CreateDirectory(day);
        var perFile = (envelopes.Count + Files - 1) / Files;
        for (var f = 0; f < Files; f++)
        {
            await using var file = File.Create(Path.Combine(day, string.Create(CultureInfo.InvariantCulture, $"part-{f:000}.jsonl")));
            foreach (var envelope in envelopes.Skip(f * perFile).Take(perFile))
            {
                await file.WriteAsync(envelope.EnvelopeJson, cancellationToken);
                file.WriteByte((byte)'\n');
            }
        }

        using (var api = new UptApiClient(cluster.ApiUrl))
        {
            // Grid throughput with exact one-profile-per-traveller checks: identity resolution off (it is measured by match-eval and the grain tests).
            await api.CreateDomainAsync(Domain, cancellationToken, identityResolution: false);
        }

        BenchLog.Phase(logger, "Batch: restarting the silo(s), then one job over the folder");
        for (var i = 0; i < cluster.Silos.Count; i++)
        {
            await cluster.StopSiloAsync(i);
        }

        await Task.WhenAll(Enumerable.Range(0, cluster.Silos.Count).Select(i => cluster.StartSiloAsync(i, cancellationToken)));
        await using var orleans = await BenchClusterClient.ConnectAsync(cluster, cancellationToken);
        var cpu = CpuSnapshot.Take(CpuGroups.Of(cluster));
        var watch = Stopwatch.StartNew();
        var status = await BatchGrainRunner.RunAsync(orleans.Client, Domain, null, root, null, cancellationToken);
        watch.Stop();
        var after = CpuSnapshot.Take(CpuGroups.Of(cluster));
        var cpuLine = after.CoresSince(cpu) + string.Create(CultureInfo.InvariantCulture,
            $"; CPU per object: silo {after.MillisecondsPer(cpu, "silo", envelopes.Count):0.00} ms, postgres {after.MillisecondsPer(cpu, "postgres", envelopes.Count):0.00} ms");
        if (status.State != BatchRunState.Succeeded)
        {
            throw new BenchFailedException($"the batch job ended {status.State}: {status.LastError}");
        }

        var database = new BenchDatabase(cluster.PostgresConnectionString, Domain);
        var rows = await database.ObjectsAsync(cancellationToken);
        var profiles = await database.ProfilesAsync(cancellationToken);
        var errors = await database.ErrorsAsync(cancellationToken);
        if (rows != expected.Objects || profiles != expected.Travellers || errors != 0)
        {
            throw new BenchFailedException($"after the batch job: {rows} rows, {profiles} profiles, {errors} errors; expected {expected.Objects} rows, {expected.Travellers} profiles, 0 errors");
        }

        return (envelopes.Count, watch.Elapsed, string.Create(CultureInfo.InvariantCulture,
            $"{envelopes.Count} objects in {Files} files ({rows} rows, {profiles} profiles, 0 errors) durable in {watch.Elapsed.TotalSeconds:0.00} s after the job started"), cpuLine);
    }
}
