using Upt.TestSupport;

namespace Upt.Storage.Tests;

/// <summary>Reminders through UseAdoNetReminderService on the migrated schema.</summary>
public sealed class ReminderTests(OrleansClusterFixture fixture) : IClassFixture<OrleansClusterFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReminderFiresAndCanBeUnregistered()
    {
        var key = "probe-" + Guid.NewGuid().ToString("N");
        var grain = fixture.Client.GetGrain<IReminderProbeGrain>(key);
        var grainId = grain.GetGrainId().ToString();
        var period = TimeSpan.FromMinutes(1);

        await grain.Register("tick", TimeSpan.FromMilliseconds(200), period);

        Assert.Equal(["tick"], await grain.ReminderNames());
        Assert.Equal(1, await CountAsync(grainId, "tick"));
        Assert.Equal((long)period.TotalMilliseconds, await OrleansPostgres.ScalarAsync(fixture.Db,
            "SELECT period FROM orleansremindertable WHERE serviceid = @s AND grainid = @g", ("s", fixture.ServiceId), ("g", grainId)));
        Assert.Equal(grain.GetGrainId().GetUniformHashCode(), (uint)(int)await OrleansPostgres.ScalarAsync(fixture.Db,
            "SELECT grainhash FROM orleansremindertable WHERE serviceid = @s AND grainid = @g", ("s", fixture.ServiceId), ("g", grainId)));

        await Eventually.WaitAsync(
            () => Task.FromResult(ReminderProbeGrain.Ticks.GetValueOrDefault($"{key}/tick")),
            n => n >= 1, Patience, "the reminder's first tick");

        await grain.Unregister("tick");
        Assert.Empty(await grain.ReminderNames());
        Assert.Equal(0, await CountAsync(grainId, "tick"));
    }

    [Fact]
    public async Task UpsertMovesTheVersionAndDeleteNeedsIt()
    {
        var table = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IReminderTable>();
        var grainId = GrainId.Create("upt-reminder-direct", Guid.NewGuid().ToString("N"));
        var start = new DateTime(2030, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc);
        var entry = new ReminderEntry { GrainId = grainId, ReminderName = "r", StartAt = start, Period = TimeSpan.FromHours(1) };

        var etag1 = await table.UpsertRow(entry, Ct);
        var etag2 = await table.UpsertRow(entry, Ct);
        Assert.NotEqual(etag1, etag2);

        var read = await table.ReadRow(grainId, "r", Ct);
        Assert.NotNull(read);
        Assert.Equal(etag2, read.ETag);
        Assert.Equal(start, read.StartAt);
        Assert.Equal(DateTimeKind.Utc, read.StartAt.Kind);
        Assert.Equal(TimeSpan.FromHours(1), read.Period);
        Assert.Equal(grainId, read.GrainId);

        var rows = await table.ReadRows(grainId, Ct);
        Assert.Equal(["r"], rows.Reminders.Select(r => r.ReminderName));

        Assert.False(await table.RemoveRow(grainId, "r", etag1!, Ct));
        Assert.NotNull(await table.ReadRow(grainId, "r", Ct));
        Assert.True(await table.RemoveRow(grainId, "r", etag2!, Ct));
        Assert.Null(await table.ReadRow(grainId, "r", Ct));
        Assert.False(await table.RemoveRow(grainId, "r", etag2!, Ct));
    }

    [Fact]
    public async Task RangeReadsTreatTheRingAsHalfOpenWithSignedHashes()
    {
        var table = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IReminderTable>();
        var grainId = GrainId.Create("upt-reminder-range", Guid.NewGuid().ToString("N"));
        var hash = grainId.GetUniformHashCode();
        Assert.SkipWhen(hash is 0u or 0x7FFF_FFFFu or 0x8000_0000u or uint.MaxValue, "hash at a signed/unsigned boundary");
        await table.UpsertRow(new ReminderEntry { GrainId = grainId, ReminderName = "ring", StartAt = DateTime.UtcNow, Period = TimeSpan.FromHours(1) }, Ct);

        // (hash-1, hash] does not wrap in signed order (ReadRangeRows1Key) and contains the hash.
        Assert.True(await ContainsAsync(table, hash - 1, hash, grainId));
        // (hash, hash-1] wraps (ReadRangeRows2Key) and is the whole ring but the hash.
        Assert.False(await ContainsAsync(table, hash, hash - 1, grainId));
        // (hash+1, hash] wraps and contains it; (hash, hash+1] does not.
        Assert.True(await ContainsAsync(table, hash + 1, hash, grainId));
        Assert.False(await ContainsAsync(table, hash, hash + 1, grainId));
        // The full ring (begin == end) contains everything.
        Assert.True(await ContainsAsync(table, hash, hash, grainId));
        // Across the signed boundary (0x7FFFFFFF, 0x80000000] is the single point 0x80000000, not the whole ring.
        Assert.False(await ContainsAsync(table, 0x7FFF_FFFFu, 0x8000_0000u, grainId));
    }

    private static async Task<bool> ContainsAsync(IReminderTable table, uint begin, uint end, GrainId grainId) =>
        (await table.ReadRows(begin, end, Ct)).Reminders.Any(r => r.GrainId == grainId);

    private Task<long> CountAsync(string grainId, string name) =>
        OrleansPostgres.ScalarAsync(fixture.Db,
            "SELECT count(*) FROM orleansremindertable WHERE serviceid = @s AND grainid = @g AND remindername = @n",
            ("s", fixture.ServiceId), ("g", grainId), ("n", name));
}
