using System.Globalization;
using System.Text.RegularExpressions;
using Upt.DevInfra;
using Upt.Feed.Synthetic;
using Upt.TestSupport;
using static Upt.Integration.Tests.IngestChecks;

namespace Upt.Integration.Tests;

/// <summary>Three silos reading a six-shard stream, so that a dead silo's shards have somewhere to go.</summary>
public sealed class FailoverClusterFixture : ClusterFixture
{
    protected override LocalClusterOptions CreateOptions() => new()
    {
        Silos = 3,
        Shards = 6,
        StreamName = $"fo-{Guid.NewGuid():N}"[..16],
    };
}

/// <summary>
/// One of three silos is SIGKILLed while it reads shards and is not restarted. Orleans declares it dead, its queues move
/// to the survivors, which resume after its checkpoints; the API keeps answering throughout, and the end state is exact.
/// </summary>
[Collection(ThreeSiloCollection.Name)]
public sealed partial class FailoverTests(FailoverClusterFixture fixture) : IClassFixture<FailoverClusterFixture>
{
    private const int Envelopes = 6_000;
    private static readonly TimeSpan ApiRecovery = TimeSpan.FromSeconds(30);

    [Fact(Timeout = 420_000)]
    public async Task KilledSiloShardsMoveToTheSurvivorsAndNothingIsLostOrDoubled()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var cluster = fixture.Cluster;
        var db = fixture.Database;
        var domain = NewDomain("failover");
        await fixture.Api.CreateDomainAsync(domain, cancellationToken);

        var envelopes = new SyntheticTrafficGenerator(4_242, domain).Generate(Envelopes).ToList();
        var expected = ExpectedIngest.Of(envelopes.Select(e => e.EnvelopeJson));
        Assert.Equal(0, expected.Errors);
        var third = expected.Objects.Count / 3;
        Report($"cluster of {cluster.Silos.Count} silos and {cluster.Shards} shards started in {Seconds(fixture.StartTime)}; " +
               $"expecting {expected.Profiles} profiles and {expected.Objects.Count} objects; kill at >= {third} durable objects");

        var watch = Watch();
        using var polling = new CancellationTokenSource();
        var api = new ApiPoller(cluster.ApiUrl, domain, watch);
        var apiPolling = api.RunAsync(polling.Token);

        // Two thirds before the kill, the rest after it: the dead silo's shards then surely hold records nobody read yet.
        var records = envelopes.Select(e => new RecordToPut(e.PartitionKey, e.EnvelopeJson)).ToList();
        var early = Envelopes * 2 / 3;
        var putting = JsProducer.PutAsync(cluster.KinesisEndpoint, cluster.StreamName, records[..early], cancellationToken);

        await Eventually.WaitAsync(
            () => db.CountObjectsAsync(domain, cancellationToken),
            n => n >= third || putting.IsFaulted,
            TimeSpan.FromMinutes(3),
            $"{third} durable objects of {domain} before the kill");

        // Who reads what: a shard's records are read by one silo only (the queues were balanced before the first put).
        var owners = await CurrentReadersAsync(cluster, cancellationToken);
        Report($"readers before the kill: {string.Join("; ", owners.Select(o => $"silo-{o.Key} [{string.Join(", ", o.Value.Order(StringComparer.Ordinal))}]"))}");
        var (victim, deadShards) = owners.Where(o => o.Value.Count > 0).MaxBy(o => o.Value.Count);
        Assert.NotNull(deadShards);
        var survivors = Enumerable.Range(0, cluster.Silos.Count).Where(i => i != victim).ToList();

        await cluster.KillSiloAsync(victim);
        var killedAt = watch.Elapsed;
        Assert.False(cluster.Silos[victim].IsRunning);
        var declaredDead = WatchMembershipAsync(fixture, cluster.Silos[victim].SiloPort, watch, cancellationToken);
        var durableAtKill = (await db.ObjectKeysAsync(domain, cancellationToken)).ToHashSet();
        var baseline = await ReadsAsync(cluster, survivors, cancellationToken);
        var firstPut = await putting;
        var checkpoints = (await db.CheckpointsAsync(cluster.StreamName, cancellationToken))
            .Where(c => c.SequenceNumber is not null).ToDictionary(c => c.ShardId, c => c.SequenceNumber!.Value, StringComparer.Ordinal);
        Report($"killed silo-{victim} (reading {string.Join(", ", deadShards.Order(StringComparer.Ordinal))}) {Seconds(killedAt)} after the first put " +
               $"with {durableAtKill.Count}/{expected.Objects.Count} objects durable");

        var secondPut = await JsProducer.PutAsync(cluster.KinesisEndpoint, cluster.StreamName, records[early..], cancellationToken);
        Assert.Equal(0, firstPut.FailedEntries + secondPut.FailedEntries);
        var positions = firstPut.Positions.Concat(secondPut.Positions).ToList();
        Assert.Equal(Envelopes, positions.Count);
        Assert.Equal(cluster.Shards, positions.Select(p => p.ShardId).Distinct().Count());

        // Until a survivor reads one of the dead silo's shards: membership must first declare the silo dead.
        var resumed = await Eventually.WaitAsync(
            async () =>
            {
                var now = await ReadsAsync(cluster, survivors, cancellationToken);
                return now.SelectMany(s => s.Value.Where(r => deadShards.Contains(r.Key) && r.Value > Get(baseline, s.Key, r.Key))
                    .Select(r => $"silo-{s.Key} {r.Key} +{r.Value - Get(baseline, s.Key, r.Key)}")).ToList();
            },
            taken => taken.Count > 0,
            TimeSpan.FromMinutes(4),
            $"a survivor reading one of the shards of silo-{victim} ({string.Join(", ", deadShards)})");
        var failover = watch.Elapsed - killedAt;
        Report($"failover: {Seconds(failover)} from the kill to the first record of a dead silo's shard read again ({string.Join("; ", resumed)})");
        var deadAt = await declaredDead;
        Report($"membership: silo-{victim} declared dead (status 6 in the membership table) {Seconds(deadAt - killedAt)} after the kill; " +
               $"its shards were read again {Seconds(failover - (deadAt - killedAt))} after that");


        var counts = await WaitUntilIngestedAsync(fixture, domain, expected, TimeSpan.FromMinutes(3));
        var complete = watch.Elapsed;
        // A read that hit the dead silo is retried by the API through the failover window: let it finish before stopping.
        await Eventually.WaitAsync(
            () => Task.FromResult(api.Calls.Count(c => c.Started >= killedAt && c.Ok)),
            n => n > 0,
            TimeSpan.FromSeconds(60),
            "an API call started after the kill to answer 200");
        await polling.CancelAsync();
        await apiPolling;

        // Records put before the kill on the dead shards beyond their checkpoints were read again by the survivors; those
        // whose objects were all durable at the kill were thus delivered twice (and must not count twice).
        var beyond = Enumerable.Range(0, early).Where(i => deadShards.Contains(positions[i].ShardId)
            && (!checkpoints.TryGetValue(positions[i].ShardId, out var checkpoint) || positions[i].SequenceNumber > checkpoint)).ToList();
        var storedBeyond = beyond.Count(i => expected.PerEnvelope[i].All(durableAtKill.Contains));
        Report($"complete {Seconds(complete)} after the first put ({Seconds(complete - killedAt)} after the kill): {counts}; " +
               $"{beyond.Count} records put before the kill on the dead shards lay beyond their checkpoints, {storedBeyond} of them already stored (redelivered)");
        var final = await ReadsAsync(cluster, survivors, cancellationToken);
        Report($"survivors now read: {string.Join("; ", final.Select(s => $"silo-{s.Key} [{string.Join(", ", s.Value.Where(r => Get(baseline, s.Key, r.Key) < r.Value).Select(r => r.Key).Order(StringComparer.Ordinal))}]"))}");

        // The API answered throughout: reads to grains of the dead silo are retried by the API until the cluster
        // declares it dead, so they answer 200 (later); a call the API could not serve in its retry window is a
        // 503 in UPT's envelope — never a bare 500 — and 200 comes back within 30 s.
        var afterKill = api.Calls.Where(c => c.Started + c.Duration >= killedAt).ToList();
        var failed = afterKill.Where(c => !c.Ok).ToList();
        var lastFailure = failed.Count == 0 ? TimeSpan.Zero : failed.Max(c => c.Started + c.Duration) - killedAt;
        Report($"API: {api.Calls.Count(c => c.Ok)}/{api.Calls.Count} calls answered 200; after the kill {afterKill.Count} calls, {failed.Count} failed" +
               (failed.Count == 0 ? "" : $" (the last ending {Seconds(lastFailure)} after the kill: {failed[^1].Error})") +
               $"; slowest call after the kill {Seconds(afterKill.Max(c => c.Duration))}");
        Assert.DoesNotContain(api.Calls, c => !c.Ok && c.Started + c.Duration < killedAt);
        Assert.All(failed, f => Assert.StartsWith("503: ", f.Error));
        Assert.True(failed.Count <= 1, $"{failed.Count} API calls failed after the kill: {string.Join(" | ", failed.Select(f => f.Error))}");
        Assert.True(lastFailure < ApiRecovery, $"the API still failed {Seconds(lastFailure)} after the kill");
        Assert.Contains(afterKill, c => c.Ok && c.Started - killedAt < ApiRecovery);

        AssertCounts(expected, counts);
        await AssertDatabaseAsync(fixture, domain, expected);
    }

    private static long Get(Dictionary<int, Dictionary<string, long>> reads, int silo, string shard) =>
        reads.TryGetValue(silo, out var shards) ? shards.GetValueOrDefault(shard) : 0;

    /// <summary>For each silo, the shards it has read the most records of (each shard once).</summary>
    private static async Task<Dictionary<int, HashSet<string>>> CurrentReadersAsync(LocalCluster cluster, CancellationToken cancellationToken)
    {
        var all = Enumerable.Range(0, cluster.Silos.Count).ToList();
        var reads = await ReadsAsync(cluster, all, cancellationToken);
        var readers = all.ToDictionary(i => i, _ => new HashSet<string>(StringComparer.Ordinal));
        foreach (var shard in reads.Values.SelectMany(r => r.Keys).Distinct(StringComparer.Ordinal))
        {
            readers[all.MaxBy(i => Get(reads, i, shard))].Add(shard);
        }

        Report($"records_read_total: {string.Join("; ", reads.Select(r => $"silo-{r.Key} {{{string.Join(", ", r.Value.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key[^2..]}={v.Value}"))}}}"))}");
        return readers;
    }

    /// <summary>records_read_total per shard of each silo.</summary>
    private static async Task<Dictionary<int, Dictionary<string, long>>> ReadsAsync(LocalCluster cluster, IEnumerable<int> silos, CancellationToken cancellationToken)
    {
        var reads = new Dictionary<int, Dictionary<string, long>>();
        foreach (var i in silos)
        {
            var scrape = await Metrics.ScrapeAsync(new Uri($"http://127.0.0.1:{cluster.Silos[i].HttpPort}"), cancellationToken);
            reads[i] = scrape.Split('\n')
                .Where(line => line.StartsWith("records_read_total{", StringComparison.Ordinal))
                .Select(line => (Shard: ShardLabel().Match(line).Groups[1].Value, Value: double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture)))
                .GroupBy(r => r.Shard, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (long)g.Sum(r => r.Value), StringComparer.Ordinal);
        }

        return reads;
    }

    /// <summary>When (on <paramref name="watch"/>) the membership table first shows the silo on <paramref name="port"/> dead.</summary>
    private static async Task<TimeSpan> WatchMembershipAsync(ClusterFixture fixture, int port, System.Diagnostics.Stopwatch watch, CancellationToken cancellationToken)
    {
        var deadline = watch.Elapsed + TimeSpan.FromMinutes(4);
        while (await fixture.Database.SiloStatusAsync(fixture.Cluster.ClusterId, port, cancellationToken) != 6)
        {
            if (watch.Elapsed > deadline)
            {
                throw new TimeoutException($"the silo on port {port} was not declared dead within 4 minutes");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }

        return watch.Elapsed;
    }

    [GeneratedRegex("shard=\"([^\"]+)\"")]
    private static partial Regex ShardLabel();
}
