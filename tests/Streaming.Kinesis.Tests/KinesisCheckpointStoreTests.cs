using Upt.Streaming.Kinesis.Streams;
using Upt.TestSupport;

namespace Upt.Streaming.Kinesis.Tests;

/// <summary>The PostgreSQL checkpoint store never moves a checkpoint backwards.</summary>
public sealed class KinesisCheckpointStoreTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task CheckpointsOnlyMoveForwardNumerically()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = KinesisCheckpointStore.Create(await postgres.NewDatabaseAsync(KinesisTestHost.DatabasePrefix));
        await store.EnsureSchemaAsync(ct);
        await store.EnsureSchemaAsync(ct);

        Assert.True(await store.SaveAsync("s", "shardId-000000000000", "9", shardEnd: false, ct));
        // "10" > "9" as numbers although not as text.
        Assert.True(await store.SaveAsync("s", "shardId-000000000000", "10", shardEnd: false, ct));
        Assert.False(await store.SaveAsync("s", "shardId-000000000000", "9", shardEnd: false, ct));
        Assert.False(await store.SaveAsync("s", "shardId-000000000000", "10", shardEnd: false, ct));
        Assert.False(await store.SaveAsync("s", "shardId-000000000000", null, shardEnd: false, ct));

        const string big = "49590338271490256608559692538361571095921575989136588898";
        const string bigger = "49590338271490256608559692538361571095921575989136588899";
        Assert.True(await store.SaveAsync("s", "shardId-000000000001", bigger, shardEnd: false, ct));
        Assert.False(await store.SaveAsync("s", "shardId-000000000001", big, shardEnd: false, ct));

        // Shard end sticks, and a lower sequence number with it does not move the checkpoint back.
        Assert.True(await store.SaveAsync("s", "shardId-000000000001", big, shardEnd: true, ct));
        Assert.False(await store.SaveAsync("s", "shardId-000000000001", big, shardEnd: false, ct));

        // An empty closed shard ends without a sequence number.
        Assert.True(await store.SaveAsync("s", "shardId-000000000002", null, shardEnd: true, ct));

        var all = await store.LoadAsync("s", ct);
        Assert.Equal(new KinesisCheckpoint("shardId-000000000000", "10", false), all["shardId-000000000000"]);
        Assert.Equal(new KinesisCheckpoint("shardId-000000000001", bigger, true), all["shardId-000000000001"]);
        Assert.Equal(new KinesisCheckpoint("shardId-000000000002", null, true), all["shardId-000000000002"]);
        Assert.Empty(await store.LoadAsync("other", ct));
    }
}
