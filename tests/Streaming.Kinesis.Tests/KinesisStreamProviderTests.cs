using System.Diagnostics;
using Upt.TestSupport;

namespace Upt.Streaming.Kinesis.Tests;

/// <summary>End-to-end tests of the provider: kinesalite, PostgreSQL and an in-process Orleans cluster.</summary>
public sealed class KinesisStreamProviderTests(KinesaliteFixture kinesalite, PostgresServerFixture postgres)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>2,000 records over 4 shards: each delivered once, in shard order; checkpoints end at the last records.</summary>
    [Fact]
    public async Task DeliversEveryRecordOnceInShardOrderAndCheckpointsTheLast()
    {
        using var host = await KinesisTestHost.CreateAsync(kinesalite, postgres, shards: 4);
        var put = await host.PutAsync(2000, keys: 200, tag: "a");
        Assert.Equal(4, put.Select(p => p.ShardId).Distinct().Count());

        var clock = Stopwatch.StartNew();
        var cluster = await host.StartClusterAsync();
        try
        {
            await Eventually.WaitAsync(() => Task.FromResult(DeliverySink.DistinctCount(host.StreamName)), n => n >= 2000, Timeout, "2000 records delivered");
            var elapsed = clock.Elapsed;
            TestContext.Current.SendDiagnosticMessage($"Delivered 2000 records in {elapsed.TotalMilliseconds:0} ms (incl. silo start): {2000 / elapsed.TotalSeconds:0} records/s");

            var lastPerShard = put.GroupBy(p => p.ShardId).ToDictionary(g => g.Key, g => g.MaxBy(p => p.PutOrder)!.SequenceNumber);
            var checkpoints = await Eventually.WaitAsync(
                host.CheckpointsAsync,
                c => lastPerShard.All(l => c.TryGetValue(l.Key, out var cp) && cp.Sequence == l.Value),
                Timeout,
                "checkpoints at the last sequence numbers");

            var delivered = DeliverySink.Of(host.StreamName);
            Assert.Equal(2000, delivered.Count); // exactly once: no duplicates
            Assert.Equal(put.Select(p => (p.ShardId, p.SequenceNumber, p.PartitionKey, p.Data)).OrderBy(x => x),
                delivered.Select(d => (d.ShardId, d.SequenceNumber, d.PartitionKey, d.Data)).OrderBy(x => x));
            foreach (var shard in delivered.GroupBy(d => d.ShardId))
            {
                var expected = put.Where(p => p.ShardId == shard.Key).OrderBy(p => p.PutOrder).Select(p => p.SequenceNumber);
                Assert.Equal(expected, shard.Select(d => d.SequenceNumber));
            }

            Assert.Equal(lastPerShard.OrderBy(x => x.Key), checkpoints.Select(c => new KeyValuePair<string, string>(c.Key, c.Value.Sequence!)).OrderBy(x => x.Key));
            Assert.All(checkpoints.Values, c => Assert.False(c.End));
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    /// <summary>A restarted cluster resumes after the checkpoint: everything is delivered, nothing at or before a checkpoint again.</summary>
    [Fact]
    public async Task RestartResumesAfterTheCheckpoint()
    {
        using var host = await KinesisTestHost.CreateAsync(kinesalite, postgres, shards: 4);
        DeliverySink.SetDelay(host.StreamName, TimeSpan.FromMilliseconds(100));
        var put = (await host.PutAsync(1000, keys: 50, tag: "first")).ToList();

        var first = await host.StartClusterAsync(configure: o => o.MaxRecordsPerBatch = 10);
        await Eventually.WaitAsync(host.CheckpointsAsync, c => c.Values.Any(v => v.Sequence is not null), Timeout, "a first checkpoint");
        await first.StopAllSilosAsync(TestContext.Current.CancellationToken);
        await first.DisposeAsync();

        var afterStop = await host.CheckpointsAsync();
        var firstRun = DeliverySink.Of(host.StreamName);
        TestContext.Current.SendDiagnosticMessage($"First run delivered {firstRun.Count} of 1000 records before the stop");
        Assert.True(firstRun.Count < 1000, "the first cluster was stopped mid-way");
        foreach (var (shard, checkpoint) in afterStop)
        {
            // The checkpoint never passes what the consumer finished.
            Assert.Contains(firstRun, d => d.ShardId == shard && d.SequenceNumber == checkpoint.Sequence);
        }

        put.AddRange(await host.PutAsync(1000, keys: 50, tag: "second"));
        DeliverySink.SetDelay(host.StreamName, TimeSpan.Zero);
        var second = await host.StartClusterAsync();
        try
        {
            await Eventually.WaitAsync(() => Task.FromResult(DeliverySink.DistinctCount(host.StreamName)), n => n >= 2000, Timeout, "all 2000 records delivered");
            var all = DeliverySink.Of(host.StreamName);
            Assert.Equal(put.Select(p => (p.ShardId, p.SequenceNumber)).OrderBy(x => x), all.Select(d => (d.ShardId, d.SequenceNumber)).Distinct().OrderBy(x => x));

            var secondRun = all.Skip(firstRun.Count).ToList();
            foreach (var delivered in secondRun)
            {
                if (afterStop.TryGetValue(delivered.ShardId, out var checkpoint) && checkpoint.Sequence is { } seq)
                {
                    Assert.True(KinesisTestHost.Compare(delivered.SequenceNumber, seq) > 0, $"{delivered.SequenceNumber} of {delivered.ShardId} was redelivered although checkpointed at {seq}");
                }
            }
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    /// <summary>A throwing consumer is retried: the checkpoint stays before the failed batch and nothing is lost.</summary>
    [Fact]
    public async Task FailingConsumerIsRetriedAndTheCheckpointWaits()
    {
        using var host = await KinesisTestHost.CreateAsync(kinesalite, postgres, shards: 1);
        var firstPut = await host.PutAsync(100, keys: 10, tag: "ok");
        var cluster = await host.StartClusterAsync();
        try
        {
            var shard = firstPut[0].ShardId;
            var lastGood = firstPut[^1].SequenceNumber;
            await Eventually.WaitAsync(host.CheckpointsAsync, c => c.TryGetValue(shard, out var cp) && cp.Sequence == lastGood, Timeout, "checkpoint of the first 100");

            DeliverySink.SetFailing(host.StreamName, true);
            var failedPut = await host.PutAsync(100, keys: 10, tag: "retried");
            await Eventually.WaitAsync(() => Task.FromResult(DeliverySink.FailureCount(host.StreamName)), n => n >= 4, Timeout, "four failed deliveries");

            // Give the checkpoint writer more than a few intervals: it must not move past the failing batch.
            await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
            Assert.Equal(lastGood, (await host.CheckpointsAsync())[shard].Sequence);
            Assert.Equal(100, DeliverySink.DistinctCount(host.StreamName));

            DeliverySink.SetFailing(host.StreamName, false);
            await Eventually.WaitAsync(() => Task.FromResult(DeliverySink.DistinctCount(host.StreamName)), n => n >= 200, Timeout, "the failed batch delivered after all");
            await Eventually.WaitAsync(host.CheckpointsAsync, c => c[shard].Sequence == failedPut[^1].SequenceNumber, Timeout, "checkpoint of all 200");

            var delivered = DeliverySink.Of(host.StreamName);
            Assert.Equal(firstPut.Concat(failedPut).Select(p => p.SequenceNumber), delivered.Select(d => d.SequenceNumber));
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    /// <summary>SplitShard and MergeShards while the cluster reads: every record arrives, and per partition key in put order.</summary>
    [Fact]
    public async Task ReshardingKeepsEveryRecordAndPerKeyOrder()
    {
        using var host = await KinesisTestHost.CreateAsync(kinesalite, postgres, shards: 2);
        var cluster = await host.StartClusterAsync();
        try
        {
            var put = new List<PutRecord>(await host.PutAsync(300, keys: 20, tag: "before"));
            var shards = await host.Client.ListShardsAsync(host.StreamName, TestContext.Current.CancellationToken);
            await host.SplitAsync(shards[0].ShardId);
            put.AddRange(await host.PutAsync(300, keys: 20, tag: "split"));

            var open = (await host.Client.ListShardsAsync(host.StreamName, TestContext.Current.CancellationToken))
                .Where(s => !s.IsClosed)
                .OrderBy(s => System.Numerics.BigInteger.Parse(s.StartingHashKey, System.Globalization.CultureInfo.InvariantCulture))
                .ToList();
            Assert.Equal(3, open.Count);
            await host.Client.MergeShardsAsync(host.StreamName, open[0].ShardId, open[1].ShardId, TestContext.Current.CancellationToken);
            await host.Client.WaitForActiveAsync(host.StreamName, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            put.AddRange(await host.PutAsync(300, keys: 20, tag: "merged"));
            Assert.True(put.Select(p => p.ShardId).Distinct().Count() >= 5, "records went to parents and children");

            await Eventually.WaitAsync(() => Task.FromResult(DeliverySink.DistinctCount(host.StreamName)), n => n >= 900, Timeout, "900 records delivered across split and merge");

            var delivered = DeliverySink.Of(host.StreamName);
            var firstDeliveries = delivered.DistinctBy(d => (d.ShardId, d.SequenceNumber)).ToList();
            Assert.Equal(put.Select(p => p.Data).Order(), firstDeliveries.Select(d => d.Data).Order());
            foreach (var key in put.GroupBy(p => p.PartitionKey))
            {
                Assert.Equal(key.OrderBy(p => p.PutOrder).Select(p => p.Data), firstDeliveries.Where(d => d.PartitionKey == key.Key).Select(d => d.Data));
            }

            var closed = (await host.Client.ListShardsAsync(host.StreamName, TestContext.Current.CancellationToken)).Where(s => s.IsClosed).Select(s => s.ShardId).ToList();
            await Eventually.WaitAsync(host.CheckpointsAsync, c => closed.All(s => c.TryGetValue(s, out var cp) && cp.End), Timeout, "closed shards checkpointed as ended");
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    /// <summary>Two silos share the slots: every record arrives, and per shard in order (a rebalance may repeat a batch).</summary>
    [Fact]
    public async Task TwoSilosShareTheShards()
    {
        using var host = await KinesisTestHost.CreateAsync(kinesalite, postgres, shards: 4);
        var cluster = await host.StartClusterAsync(silos: 2);
        try
        {
            var put = await host.PutAsync(1000, keys: 100, tag: "two");
            await Eventually.WaitAsync(() => Task.FromResult(DeliverySink.DistinctCount(host.StreamName)), n => n >= 1000, Timeout, "1000 records delivered by two silos");
            var firstDeliveries = DeliverySink.Of(host.StreamName).DistinctBy(d => (d.ShardId, d.SequenceNumber)).ToList();
            foreach (var shard in put.GroupBy(p => p.ShardId))
            {
                Assert.Equal(shard.OrderBy(p => p.PutOrder).Select(p => p.SequenceNumber), firstDeliveries.Where(d => d.ShardId == shard.Key).Select(d => d.SequenceNumber));
            }

            var last = put.GroupBy(p => p.ShardId).ToDictionary(g => g.Key, g => g.MaxBy(p => p.PutOrder)!.SequenceNumber);
            await Eventually.WaitAsync(host.CheckpointsAsync, c => last.All(l => c.TryGetValue(l.Key, out var cp) && cp.Sequence == l.Value), Timeout, "checkpoints at the last records");
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }
}
