using Upt.DevInfra;
using Upt.Feed.Synthetic;
using Upt.TestSupport;
using static Upt.Integration.Tests.IngestChecks;

namespace Upt.Integration.Tests;

/// <summary>Three silos on a six-shard stream, of which one is stopped gracefully (SIGTERM) mid-stream.</summary>
public sealed class GracefulStopClusterFixture : ClusterFixture
{
    protected override LocalClusterOptions CreateOptions() => new()
    {
        Silos = 3,
        Shards = 6,
        StreamName = $"gs-{Guid.NewGuid():N}"[..16],
    };
}

/// <summary>
/// A silo stopped gracefully hands its shards and grains over: it exits on its own well within the grace period,
/// logs no error on the way out, the API answers every call, and the end state is exact.
/// </summary>
[Collection(ThreeSiloCollection.Name)]
public sealed class GracefulStopTests(GracefulStopClusterFixture fixture) : IClassFixture<GracefulStopClusterFixture>
{
    private const int Envelopes = 4_000;
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    [Fact(Timeout = 300_000)]
    public async Task A_silo_stopped_gracefully_hands_over_without_errors_and_nothing_is_lost_or_doubled()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var cluster = fixture.Cluster;
        var domain = NewDomain("graceful");
        await fixture.Api.CreateDomainAsync(domain, cancellationToken);
        var envelopes = new SyntheticTrafficGenerator(5_151, domain).Generate(Envelopes).ToList();
        var expected = ExpectedIngest.Of(envelopes.Select(e => e.EnvelopeJson));
        Assert.Equal(0, expected.Errors);
        var records = envelopes.Select(e => new RecordToPut(e.PartitionKey, e.EnvelopeJson)).ToList();

        var watch = Watch();
        using var polling = new CancellationTokenSource();
        var api = new ApiPoller(cluster.ApiUrl, domain, watch);
        var apiPolling = api.RunAsync(polling.Token);

        var half = Envelopes / 2;
        var firstPut = await JsProducer.PutAsync(cluster.KinesisEndpoint, cluster.StreamName, records[..half], cancellationToken);
        await Eventually.WaitAsync(
            () => fixture.Database.CountObjectsAsync(domain, cancellationToken),
            n => n >= expected.Objects.Count / 4,
            TimeSpan.FromMinutes(3),
            $"a quarter of the objects of {domain} durable before the stop");

        const int victim = 1;
        var logFile = cluster.Silos[victim].LogFile;
        var stopping = watch.Elapsed;
        await cluster.StopSiloAsync(victim, Grace);
        var stopTime = watch.Elapsed - stopping;
        Report($"silo-{victim} stopped gracefully in {Seconds(stopTime)}");

        var secondPut = await JsProducer.PutAsync(cluster.KinesisEndpoint, cluster.StreamName, records[half..], cancellationToken);
        Assert.Equal(0, firstPut.FailedEntries + secondPut.FailedEntries);
        var counts = await WaitUntilIngestedAsync(fixture, domain, expected, TimeSpan.FromMinutes(3));
        await polling.CancelAsync();
        await apiPolling;

        // It left on its own (a kill comes only after the grace period) and said nothing worse than a warning.
        Assert.True(stopTime < Grace, $"silo-{victim} took {Seconds(stopTime)} to stop (grace {Seconds(Grace)})");
        // Each problem with the line after it (the message), so a failure says what went wrong.
        var lines = File.ReadAllLines(logFile);
        var problems = lines.Select((line, i) => (line, i))
            .Where(x => x.line.StartsWith("fail:", StringComparison.Ordinal) || x.line.StartsWith("crit:", StringComparison.Ordinal))
            .Select(x => string.Join(" ", lines.Skip(x.i).Take(2).Select(l => l.Trim())))
            .ToList();
        Assert.True(problems.Count == 0, $"silo-{victim} logged errors while stopping: {string.Join(" | ", problems)}");
        var failed = api.Calls.Where(c => !c.Ok).ToList();
        Report($"API: {api.Calls.Count} calls, {failed.Count} failed");
        Assert.True(failed.Count == 0, $"API calls failed: {string.Join(" | ", failed.Select(f => f.Error))}");
        AssertCounts(expected, counts);
        await AssertDatabaseAsync(fixture, domain, expected);
    }
}
