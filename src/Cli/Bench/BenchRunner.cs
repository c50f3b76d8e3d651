using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Upt.Cli.Produce;
using Upt.Cli.Run;
using Upt.DevInfra;

namespace Upt.Cli.Bench;

/// <summary>
/// One bench run: a private cluster, the load put on the stream first (silos stopped), the two ceilings (Kinesis
/// drain, PostgreSQL upserts), the pipeline end to end over the same load, latency at half that rate, and the cost
/// of the n-th object of one profile. Everything it starts is stopped and deleted when it returns.
/// </summary>
internal sealed class BenchRunner(BenchSettings settings, ILogger logger, TextWriter output)
{
    private const string Domain = BenchSettings.Domain;

    public async Task<BenchFigures> RunAsync(CancellationToken cancellationToken)
    {
        Print($"bench: {settings.Objects} objects, {settings.Shards} shards, {settings.Silos} silo(s), seed {settings.Seed}; load average {LoadAverage.Read()}, {Environment.ProcessorCount} cores");
        BenchLog.Phase(logger, "Generating and transforming the load (not timed)");
        var load = BenchWorkload.Generate(settings.Seed, Domain, settings.Objects);
        var expected = load.Expected;
        Print($"  load: {load.Envelopes.Count} objects -> {expected.FlatRecords} flat records, {expected.Objects} distinct object rows, {expected.Travellers} travellers, {expected.TransformErrors} rejected");
        if (expected.TransformErrors > 0)
        {
            throw new BenchFailedException($"{expected.TransformErrors} synthetic objects fail to transform; the figures would mix in error handling");
        }

        var runId = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var options = new LocalClusterOptions
        {
            Silos = settings.Silos,
            Shards = settings.Shards,
            StreamName = $"upt-bench-{runId}",
            ClusterId = $"upt-bench-{runId}",
            // Null: a fresh temporary folder, deleted when the cluster is disposed.
            DataDirectory = null,
        };
        foreach (var (key, value) in settings.SiloEnvironment)
        {
            options.SiloEnvironment[key] = value;
            Print($"  silo environment: {key}={value}");
        }

        BenchLog.Phase(logger, "Starting PostgreSQL, kinesalite, silo(s) and API");
        await using var cluster = await LocalCluster.StartAsync(options, logger, cancellationToken);
        var database = new BenchDatabase(cluster.PostgresConnectionString, Domain);
        using var kinesis = cluster.CreateKinesisClient();

        // 1. The domain must exist before its records are consumed; then nothing may consume until the load is in.
        using (var api = new UptApiClient(cluster.ApiUrl))
        {
            // Grid throughput with exact one-profile-per-traveller checks: identity resolution off unless asked for.
            await api.CreateDomainAsync(Domain, cancellationToken, identityResolution: settings.IdentityResolution != "off", fuzzyMatching: settings.IdentityResolution == "all");
        }

        // The floor under every figure: what the cluster burns with an empty stream (pulling agents polling, timers).
        var idle = CpuSnapshot.Take(CpuGroups.Of(cluster));
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        Print($"  idle cluster, empty stream, 3 s: cpu {CpuSnapshot.Take(CpuGroups.Of(cluster)).CoresSince(idle)}");

        for (var i = 0; i < cluster.Silos.Count; i++)
        {
            await cluster.StopSiloAsync(i);
        }

        // 2. Load first, then measure.
        BenchLog.Phase(logger, "Loading the stream (PutRecords, partition key = traveller)");
        var sent = await new KinesisProducer(kinesis, cluster.StreamName).SendAsync(load.Envelopes, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (sent.Failed > 0 || sent.Sent != load.Envelopes.Count)
        {
            throw new BenchFailedException($"loading the stream: {sent.SummaryLine()}");
        }

        Print(string.Create(CultureInfo.InvariantCulture, $"  loaded {sent.Sent} records in {sent.Elapsed.TotalSeconds:0.00} s ({sent.Sent / sent.Elapsed.TotalSeconds:0}/s)"));

        // 3. Kinesis drain ceiling.
        BenchLog.Phase(logger, "Kinesis drain ceiling (all shards from TRIM_HORIZON, GetRecords limit 10000)");
        var cpu = CpuSnapshot.Take(CpuGroups.Of(cluster));
        var (drained, drainTime) = await KinesisDrain.RunAsync(kinesis, cluster.StreamName, cancellationToken);
        var drainCpu = CpuSnapshot.Take(CpuGroups.Of(cluster)).CoresSince(cpu);
        if (drained != load.Envelopes.Count)
        {
            throw new BenchFailedException($"the drain read {drained} records, {load.Envelopes.Count} were put");
        }

        var drainRate = drained / drainTime.TotalSeconds;
        Print(string.Create(CultureInfo.InvariantCulture, $"  kinesis drain: {drained} records in {drainTime.TotalSeconds:0.00} s = {drainRate:0} objects/s"));
        Print($"    cpu: {drainCpu}");

        // 4. PostgreSQL ceiling.
        BenchLog.Phase(logger, "PostgreSQL ceiling (unnest upserts of the load's flat rows into a scratch upt_objects)");
        var pg = new PgCeiling(cluster.PostgresConnectionString);
        await pg.CreateTableAsync(cancellationToken);
        cpu = CpuSnapshot.Take(CpuGroups.Of(cluster));
        var pgResult = await pg.RunAsync(Domain, load.Rows, cancellationToken);
        var pgAfter = CpuSnapshot.Take(CpuGroups.Of(cluster));
        var pgCpu = pgAfter.CoresSince(cpu) + string.Create(CultureInfo.InvariantCulture,
            $"; postgres {pgAfter.MillisecondsPer(cpu, "postgres", load.Rows.Count):0.000} ms CPU per row");
        var scratchRows = await pg.CountAsync(cancellationToken);
        await pg.DropTableAsync(cancellationToken);
        if (scratchRows != expected.Objects)
        {
            throw new BenchFailedException($"the scratch table holds {scratchRows} rows, {expected.Objects} expected");
        }

        var pgObjectsRate = load.Envelopes.Count / pgResult.Elapsed.TotalSeconds;
        Print(string.Create(CultureInfo.InvariantCulture,
            $"  postgres: {pgResult.Rows} rows in {pgResult.Statements} statements ({pg.StatementRows} rows each, {pg.Connections} connections) in {pgResult.Elapsed.TotalSeconds:0.00} s = {pgResult.RowsPerSecond:0} rows/s = {pgObjectsRate:0} objects/s"));
        Print($"    cpu: {pgCpu}");

        // 5. Upt end to end over the loaded stream.
        BenchLog.Phase(logger, "End to end: starting the silo(s) on the loaded stream");
        cpu = CpuSnapshot.Take(CpuGroups.Of(cluster));
        var sinceStart = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, cluster.Silos.Count).Select(i => cluster.StartSiloAsync(i, cancellationToken)));
        var watch = Stopwatch.StartNew();
        var startUp = sinceStart.Elapsed;
        var cpuAtReady = CpuSnapshot.Take(CpuGroups.Of(cluster));
        var runtimeAtReady = await SiloRuntimeSnapshot.TakeAsync(cluster, cancellationToken);
        var atReady = await database.CountedObjectsAsync(cancellationToken);
        if (atReady > 0)
        {
            BenchLog.DurableAtReady(logger, atReady);
        }

        var timeout = TimeSpan.FromSeconds(Math.Max(180, settings.Objects / 20.0));
        var wait = new EndToEndWait(database, logger);
        var e2eTime = await wait.RunAsync(watch, expected.Objects, timeout, cancellationToken);
        var e2eAfter = CpuSnapshot.Take(CpuGroups.Of(cluster));
        var e2eCpu = e2eAfter.CoresSince(cpuAtReady) + string.Create(CultureInfo.InvariantCulture,
            $"; CPU per object: silo {e2eAfter.MillisecondsPer(cpuAtReady, "silo", settings.Objects):0.00} ms, postgres {e2eAfter.MillisecondsPer(cpuAtReady, "postgres", settings.Objects):0.00} ms, kinesalite {e2eAfter.MillisecondsPer(cpuAtReady, "kinesalite", settings.Objects):0.00} ms");
        var runtime = (await SiloRuntimeSnapshot.TakeAsync(cluster, cancellationToken)).Since(runtimeAtReady, settings.Objects, e2eTime);
        var startUpCpu = cpuAtReady.CoresSince(cpu);
        await VerifyDurableAsync(database, expected, cancellationToken);
        var e2eRate = load.Envelopes.Count / e2eTime.TotalSeconds;
        Print(string.Create(CultureInfo.InvariantCulture,
            $"  e2e: {load.Envelopes.Count} objects ({expected.Objects} rows, {expected.Travellers} profiles, 0 errors) durable {e2eTime.TotalSeconds:0.00} s after silo ready = {e2eRate:0} objects/s"
            + $" (silo start-up took {startUp.TotalSeconds:0.0} s; {atReady} rows were durable at ready; first row durable {wait.FirstDurable?.TotalSeconds ?? 0:0.0} s after ready;"
            + $" from first durable row: {load.Envelopes.Count / (e2eTime - (wait.FirstDurable ?? TimeSpan.Zero)).TotalSeconds:0} objects/s; from process start: {load.Envelopes.Count / (e2eTime + startUp).TotalSeconds:0} objects/s)"));
        Print($"    cpu (start-up): {startUpCpu}");
        Print($"    cpu (ready to durable): {e2eCpu}");
        Print($"    silo runtime (ready to durable): {runtime}");

        // 6. Latency at half the end-to-end rate.
        await WaitForApiAsync(cluster.ApiUrl, cancellationToken);
        var rate = Math.Max(1, e2eRate / 2);
        BenchLog.Phase(logger, string.Create(CultureInfo.InvariantCulture, $"Latency: fresh travellers at {rate:0} objects/s, probes polled through the API"));
        cpu = CpuSnapshot.Take(CpuGroups.Of(cluster));
        var latency = await new LatencyProbe(kinesis, cluster.StreamName, cluster.ApiUrl, Domain).RunAsync(settings.LatencySeed, rate, cancellationToken);
        var latencyCpu = CpuSnapshot.Take(CpuGroups.Of(cluster)).CoresSince(cpu);
        if (latency.LatenciesMs.Count < 200)
        {
            BenchLog.FewProbes(logger, latency.LatenciesMs.Count);
        }

        if (latency.LatenciesMs.Count == 0)
        {
            throw new BenchFailedException("no latency probe was sent");
        }

        var p50 = Percentiles.Of(latency.LatenciesMs, 50);
        var p99 = Percentiles.Of(latency.LatenciesMs, 99);
        Print(string.Create(CultureInfo.InvariantCulture,
            $"  latency: {latency.Sent} objects at {latency.Rate:0}/s over {latency.Elapsed.TotalSeconds:0.0} s; {latency.LatenciesMs.Count} probes (ack -> readable via API): p50 {p50:0} ms, p90 {Percentiles.Of(latency.LatenciesMs, 90):0} ms, p99 {p99:0} ms, max {latency.LatenciesMs.Max():0} ms, timed out {latency.TimedOut}; {latency.Polls} polls = {latency.Polls / latency.Elapsed.TotalSeconds:0} API requests/s"));
        Print($"    cpu: {latencyCpu}");

        // Idle again after the feed: more than at the start means work still draining, or activations costing upkeep.
        cpu = CpuSnapshot.Take(CpuGroups.Of(cluster));
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        Print($"  idle after the latency feed, 3 s: cpu {CpuSnapshot.Take(CpuGroups.Of(cluster)).CoresSince(cpu)}");

        // 7. Cost of the n-th object of one profile.
        BenchLog.Phase(logger, "n-th object cost: 1000 objects into one profile through IIngestGrain, one call each");
        NthObjectResult nth;
        UnmergeDepthResult unmerge;
        await using (var orleans = await BenchClusterClient.ConnectAsync(cluster, cancellationToken))
        {
            cpu = CpuSnapshot.Take(CpuGroups.Of(cluster));
            var nthRun = new NthObjectCost(orleans.Client, Domain);
            (nth, var traveller) = await nthRun.RunAsync(cancellationToken);
            var nthAfter = CpuSnapshot.Take(CpuGroups.Of(cluster));
            var nthCpu = nthAfter.CoresSince(cpu) + string.Create(CultureInfo.InvariantCulture,
                $"; CPU per call (warm-up included): silo {nthAfter.MillisecondsPer(cpu, "silo", nthRun.TotalCalls):0.00} ms, postgres {nthAfter.MillisecondsPer(cpu, "postgres", nthRun.TotalCalls):0.00} ms");
            var rows = await database.TravellerObjectsAsync(traveller, cancellationToken);
            if (rows != nth.CallMs.Count)
            {
                throw new BenchFailedException($"the n-th object traveller holds {rows} rows, {nth.CallMs.Count} expected");
            }

            Print(string.Create(CultureInfo.InvariantCulture,
                $"  nth object: {nth.CallMs.Count} calls, median of calls 1-{NthObjectResult.Window} {nth.FirstMs:0.00} ms, of the last {NthObjectResult.Window} {nth.LastMs:0.00} ms, overall median {Percentiles.Median(nth.CallMs):0.00} ms, p99 {Percentiles.Of(nth.CallMs, 99):0.00} ms -> cost ratio {nth.Cost:0.00}"));
            Print($"    median per 100 calls (ms): {string.Join(" ", nth.BlockMedians().Select(m => m.ToString("0.00", CultureInfo.InvariantCulture)))}");
            Print($"    cpu: {nthCpu}");

            // 8. Unmerge at history depth 1,000 (UPT: about 8 s).
            BenchLog.Phase(logger, "Unmerge depth: a chain of 1000 merges built through the merge grain, then one unmerge at its full depth");
            cpu = CpuSnapshot.Take(CpuGroups.Of(cluster));
            unmerge = await new UnmergeDepthPhase(orleans.Client, Domain).RunAsync(cancellationToken);
            Print(string.Create(CultureInfo.InvariantCulture,
                $"  unmerge: depth {unmerge.Depth} (chain built in {unmerge.BuildTime.TotalSeconds:0.0} s, {unmerge.BuildTime.TotalMilliseconds / unmerge.Depth:0.0} ms per merge); one unmerge moving {unmerge.MovedTravellers} travellers and rebuilding both profiles: {unmerge.UnmergeTime.TotalMilliseconds:0} ms"));
            Print($"    cpu: {CpuSnapshot.Take(CpuGroups.Of(cluster)).CoresSince(cpu)}");
        }

        // 9. Batch ingestion of a folder, on restarted (cold) silos like the end-to-end phase.
        var (batchObjects, batchTime, batchDetail, batchCpu) = await new BatchPhase(cluster, logger).RunAsync(settings.BatchObjects, settings.Seed, cancellationToken);
        var batchRate = batchObjects / batchTime.TotalSeconds;
        Print(string.Create(CultureInfo.InvariantCulture, $"  batch: {batchDetail} = {batchRate:0} objects/s ({batchRate / e2eRate:0.00} x the end-to-end rate)"));
        Print($"    cpu (job): {batchCpu}");

        var figures = new BenchFigures(e2eRate, drainRate, pgResult.RowsPerSecond, pgObjectsRate, p50, p99, nth.Cost, batchRate, unmerge.UnmergeTime.TotalMilliseconds);
        Print(string.Create(CultureInfo.InvariantCulture,
            $"  ratio = e2e {e2eRate:0} / min(kinesis drain {drainRate:0}, pg {pgObjectsRate:0} objects/s) = {figures.Ratio:0.00}, using {figures.RatioBasis}"));
        Print($"  load average at the end: {LoadAverage.Read()}");
        BenchLog.Phase(logger, "Stopping the cluster and deleting its data");
        return figures;
    }

    private async Task VerifyDurableAsync(BenchDatabase database, ExpectedCounts expected, CancellationToken cancellationToken)
    {
        var objects = await database.ObjectsAsync(cancellationToken);
        var errors = await database.ErrorsAsync(cancellationToken);
        if (errors > 0)
        {
            throw new BenchFailedException($"{errors} error records: " + string.Join(Environment.NewLine + "    ", ["", .. await database.SampleErrorsAsync(10, cancellationToken)]));
        }

        if (objects != expected.Objects)
        {
            throw new BenchFailedException($"upt_objects holds {objects} rows for the domain, {expected.Objects} expected");
        }

        var profiles = await database.ProfilesAsync(cancellationToken);
        var travellers = await database.TravellersAsync(cancellationToken);
        // With identity resolution, travellers merge (the synthetic feed shares alternate ids and loyalty ids): every
        // traveller id is still stored once, and there are at most as many profiles.
        if (travellers != expected.Travellers || (settings.IdentityResolution != "off" ? profiles > expected.Travellers : profiles != expected.Travellers))
        {
            throw new BenchFailedException($"{profiles} profiles and {travellers} traveller ids stored, {expected.Travellers} distinct travellers expected");
        }
    }

    // The API lost its gateway while the silos were stopped; it reconnects on its own, but not necessarily at once.
    private async Task WaitForApiAsync(Uri apiUrl, CancellationToken cancellationToken)
    {
        using var api = new UptApiClient(apiUrl);
        var watch = Stopwatch.StartNew();
        while (await api.GetCountsAsync(Domain, cancellationToken) is null)
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new BenchFailedException("the API did not answer for the bench domain within 60 s of the silos' restart");
            }

            BenchLog.ApiNotReady(logger, Domain);
            await Task.Delay(500, cancellationToken);
        }
    }

    private void Print(string line) => output.WriteLine(line);
}
