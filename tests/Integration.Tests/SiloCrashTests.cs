using Upt.Feed.Synthetic;
using Upt.TestSupport;
using static Upt.Integration.Tests.IngestChecks;

namespace Upt.Integration.Tests;

/// <summary>
/// The silo is SIGKILLed while it ingests and started again. The checkpoint never passes a record whose effects are
/// not durable, and redelivery is idempotent, so the end state must be exact: nothing lost, nothing doubled, and the
/// sharded counters equal the rows they count.
/// </summary>
public sealed class SiloCrashTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private const int Objects = 8_000;

    [Fact(Timeout = 480_000)]
    public async Task SiloKilledMidStreamLosesNothingAndDoublesNothing()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var db = fixture.Database;
        var domain = NewDomain("crash");
        await fixture.Api.CreateDomainAsync(domain, cancellationToken);

        var envelopes = new SyntheticTrafficGenerator(7_331, domain).Generate(Objects).ToList();
        var expected = ExpectedIngest.Of(envelopes.Select(e => e.EnvelopeJson));
        Assert.Equal(0, expected.Errors);
        var third = expected.Objects.Count / 3;
        Report($"cluster start {Seconds(fixture.StartTime)}; expecting {expected.Profiles} profiles and {expected.Objects.Count} objects; kill at >= {third} durable objects");

        var watch = Watch();
        var putting = JsProducer.PutAsync(fixture.Cluster.KinesisEndpoint, fixture.Cluster.StreamName,
            envelopes.Select(e => new RecordToPut(e.PartitionKey, e.EnvelopeJson)).ToList(), cancellationToken);

        // Roughly a third durable: crash the silo (SIGKILL, no shutdown code runs).
        await Eventually.WaitAsync(
            () => db.CountObjectsAsync(domain, cancellationToken),
            n => n >= third || putting.IsFaulted,
            TimeSpan.FromMinutes(3),
            $"{third} durable objects of {domain} before the kill");
        await fixture.Cluster.KillSiloAsync(0);
        var killedAt = watch.Elapsed;
        Assert.False(fixture.Cluster.Silos[0].IsRunning);
        var put = await putting;
        Assert.Equal(0, put.FailedEntries);
        Assert.Equal(Objects, put.Positions.Count);

        // What the dead silo left: durable rows and checkpoints. No checkpoint may cover a record whose objects are missing.
        var durable = (await db.ObjectKeysAsync(domain, cancellationToken)).ToHashSet();
        Assert.InRange(durable.Count, 1, expected.Objects.Count - 1);
        var checkpoints = (await db.CheckpointsAsync(fixture.Cluster.StreamName, cancellationToken))
            .Where(c => c.SequenceNumber is not null).ToDictionary(c => c.ShardId, c => c.SequenceNumber!.Value, StringComparer.Ordinal);
        var covered = 0;
        var storedBeyond = 0;
        for (var i = 0; i < envelopes.Count; i++)
        {
            var position = put.Positions[i];
            if (!checkpoints.TryGetValue(position.ShardId, out var checkpoint) || position.SequenceNumber > checkpoint)
            {
                storedBeyond += expected.PerEnvelope[i].All(durable.Contains) ? 1 : 0;
            }
            else
            {
                covered++;
                if (expected.PerEnvelope[i].Where(k => !durable.Contains(k)).ToList() is [var first, ..] missing)
                {
                    Assert.Fail($"record {i} ({position.ShardId} #{position.SequenceNumber}) is behind the checkpoint {checkpoint} but {missing.Count} of its objects are not stored, e.g. {first}");
                }
            }
        }

        Report($"killed the silo {Seconds(killedAt)} after the first put with {durable.Count}/{expected.Objects.Count} objects durable; " +
               $"the checkpoints cover {covered}/{Objects} records, all of them durable; {storedBeyond} records beyond them are stored too and will be redelivered");

        // Otherwise the restart would redeliver nothing already stored, and idempotency would go untested.
        Assert.True(storedBeyond > 0, "no record beyond the checkpoints was stored at the kill");

        // Restart on the same ports; it resumes after the checkpoints and redelivers what they did not cover.
        var restart = Watch();
        await fixture.Cluster.StartSiloAsync(0, cancellationToken);
        var ready = restart.Elapsed;
        var progressed = await Eventually.WaitAsync(
            () => db.CountObjectsAsync(domain, cancellationToken),
            n => n > durable.Count,
            TimeSpan.FromMinutes(3),
            $"new objects of {domain} after the restart (had {durable.Count})");
        var firstProgress = restart.Elapsed;
        Report($"restart: silo ready after {Seconds(ready)}, first new progress ({progressed} objects) {Seconds(firstProgress)} after the restart began");

        var counts = await WaitUntilIngestedAsync(fixture, domain, expected, TimeSpan.FromMinutes(5));
        Report($"complete {Seconds(restart.Elapsed)} after the restart ({Seconds(watch.Elapsed)} in all): {counts}");
        AssertCounts(expected, counts);
        await AssertDatabaseAsync(fixture, domain, expected);
    }
}
