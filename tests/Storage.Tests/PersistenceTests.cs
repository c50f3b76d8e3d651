using Orleans.Storage;
using Upt.TestSupport;

namespace Upt.Storage.Tests;

/// <summary>Grain state through AddAdoNetGrainStorage on the migrated schema.</summary>
public sealed class PersistenceTests(OrleansClusterFixture fixture) : IClassFixture<OrleansClusterFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> KeyKinds => ["string", "guid", "integer", "guid+ext", "integer+ext", "string500"];

    [Theory]
    [MemberData(nameof(KeyKinds))]
    public async Task StateIsWrittenReadBackClearedAndGuardedByETag(string kind)
    {
        var (grain, n0, n1, ext) = NewGrain(kind);

        Assert.Null(await grain.GetText());
        Assert.Null(await grain.GetETag());
        Assert.False(await grain.GetRecordExists());
        Assert.Equal(0, await RowCountAsync(n0, n1, ext));

        await grain.SetText("one");
        Assert.Equal("1", await grain.GetETag());
        await grain.SetText("two");
        Assert.Equal("2", await grain.GetETag());
        Assert.Equal((1L, 2L, true), await RowAsync(n0, n1, ext));

        // A new activation reads what was written.
        await ReactivateAsync(grain);
        Assert.Equal("two", await grain.GetText());
        Assert.Equal("2", await grain.GetETag());
        Assert.True(await grain.GetRecordExists());

        // Clearing keeps the row without payload and moves the version on.
        await grain.Clear();
        Assert.Equal("3", await grain.GetETag());
        Assert.False(await grain.GetRecordExists());
        Assert.Equal((1L, 3L, false), await RowAsync(n0, n1, ext));
        await ReactivateAsync(grain);
        Assert.Null(await grain.GetText());
        Assert.Equal("3", await grain.GetETag());
        Assert.False(await grain.GetRecordExists());

        await grain.SetText("three");
        Assert.Equal("4", await grain.GetETag());

        // Another writer moves the row on behind the grain's back: the grain's ETag is stale now.
        await ExecuteAsync(
            "UPDATE orleansstorage SET version = version + 1 WHERE serviceid = @s AND grainidn0 = @n0 AND grainidn1 = @n1 AND grainidextensionstring IS NOT DISTINCT FROM @e",
            n0, n1, ext);
        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.SetText("stale"));
        Assert.Equal((1L, 5L, true), await RowAsync(n0, n1, ext));
        await ReactivateAsync(grain);
        Assert.Equal("three", await grain.GetText());
        Assert.Equal("5", await grain.GetETag());
    }

    [Fact]
    public async Task FiveHundredCharacterStringKeyIsStoredWhole()
    {
        var key = new string('k', 468) + Guid.NewGuid().ToString("N");
        Assert.Equal(500, key.Length);
        var grain = fixture.Client.GetGrain<IStringStateGrain>(key);

        await grain.SetText("long");
        await ReactivateAsync(grain);

        Assert.Equal("long", await grain.GetText());
        Assert.Equal(1, await OrleansPostgres.ScalarAsync(fixture.Db,
            "SELECT count(*) FROM orleansstorage WHERE serviceid = @s AND grainidextensionstring = @e AND length(grainidextensionstring) = 500",
            ("s", fixture.ServiceId), ("e", key)));
    }

    [Fact]
    public async Task DeleteStateOnClearRemovesTheRow()
    {
        var key = "deleting-" + Guid.NewGuid().ToString("N");
        var grain = fixture.Client.GetGrain<IDeletingStateGrain>(key);

        await grain.SetText("x");
        Assert.Equal("1", await grain.GetETag());
        await grain.Clear();
        Assert.Null(await grain.GetETag());
        Assert.Equal(0, await RowCountAsync(0, 0, key));

        await grain.SetText("y");
        Assert.Equal("1", await grain.GetETag());
        await ReactivateAsync(grain);
        Assert.Equal("y", await grain.GetText());
    }

    [Fact]
    public async Task StorageRejectsAFirstWriteOverAnExistingRowAndAStaleVersion()
    {
        var storage = fixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>("store");
        var grainId = GrainId.Create("upt-direct", Guid.NewGuid().ToString("N"));
        const string grainType = "Upt.Storage.Tests.DirectState";

        var first = new GrainState<Payload>(new Payload { Text = "first" });
        await storage.WriteStateAsync(grainType, grainId, first);
        Assert.Equal("1", first.ETag);

        // A second writer that believes there is no row yet.
        var blind = new GrainState<Payload>(new Payload { Text = "blind" });
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(grainType, grainId, blind));

        // A writer with an old version.
        var stale = new GrainState<Payload>(new Payload { Text = "stale" }) { ETag = "1" };
        await storage.WriteStateAsync(grainType, grainId, first);
        Assert.Equal("2", first.ETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(grainType, grainId, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(grainType, grainId, stale));

        var read = new GrainState<Payload>(new Payload());
        await storage.ReadStateAsync(grainType, grainId, read);
        Assert.Equal("first", read.State?.Text);
        Assert.Equal("2", read.ETag);
        Assert.True(read.RecordExists);

        // The same grain id under another state type is another row.
        var other = new GrainState<Payload>(new Payload());
        await storage.ReadStateAsync(grainType + "2", grainId, other);
        Assert.Null(other.ETag);
        Assert.False(other.RecordExists);
    }

    private (IStateOps Grain, long N0, long N1, string? Ext) NewGrain(string kind)
    {
        var client = fixture.Client;
        var guid = Guid.NewGuid();
        var bytes = guid.ToByteArray();
        var (g0, g1) = (BitConverter.ToInt64(bytes, 0), BitConverter.ToInt64(bytes, 8));
        var number = Random.Shared.NextInt64(1, long.MaxValue);
        var text = "key-" + Guid.NewGuid().ToString("N");
        return kind switch
        {
            "string" => (client.GetGrain<IStringStateGrain>(text), 0, 0, text),
            "string500" => (client.GetGrain<IStringStateGrain>(text.PadRight(500, 'x')), 0, 0, text.PadRight(500, 'x')),
            "guid" => (client.GetGrain<IGuidStateGrain>(guid), g0, g1, null),
            "integer" => (client.GetGrain<IIntegerStateGrain>(number), 0, number, null),
            "guid+ext" => (client.GetGrain<IGuidCompoundStateGrain>(guid, "ext-" + text), g0, g1, "ext-" + text),
            "integer+ext" => (client.GetGrain<IIntegerCompoundStateGrain>(number, "ext-" + text), 0, number, "ext-" + text),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    private static async Task ReactivateAsync(IStateOps grain)
    {
        var before = await grain.GetActivationId();
        await grain.Deactivate();
        await Eventually.WaitAsync(grain.GetActivationId, id => id != before, Patience, "a new activation");
    }

    private Task<long> RowCountAsync(long n0, long n1, string? ext) =>
        OrleansPostgres.ScalarAsync(fixture.Db,
            "SELECT count(*) FROM orleansstorage WHERE serviceid = @s AND grainidn0 = @n0 AND grainidn1 = @n1 AND grainidextensionstring IS NOT DISTINCT FROM @e::text",
            ("s", fixture.ServiceId), ("n0", n0), ("n1", n1), ("e", ext));

    /// <summary>(row count, version, has payload) of the grain's rows.</summary>
    private async Task<(long Rows, long Version, bool HasPayload)> RowAsync(long n0, long n1, string? ext)
    {
        await using var cmd = fixture.Db.CreateCommand(
            "SELECT count(*) OVER (), version, payloadbinary IS NOT NULL FROM orleansstorage " +
            "WHERE serviceid = @s AND grainidn0 = @n0 AND grainidn1 = @n1 AND grainidextensionstring IS NOT DISTINCT FROM @e::text");
        cmd.Parameters.AddWithValue("s", fixture.ServiceId);
        cmd.Parameters.AddWithValue("n0", n0);
        cmd.Parameters.AddWithValue("n1", n1);
        cmd.Parameters.AddWithValue("e", (object?)ext ?? DBNull.Value);
        await using var reader = await cmd.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct), "no state row");
        return (reader.GetInt64(0), reader.GetInt32(1), reader.GetBoolean(2));
    }

    private async Task ExecuteAsync(string sql, long n0, long n1, string? ext)
    {
        await using var cmd = fixture.Db.CreateCommand(sql.Replace("@e", "@e::text", StringComparison.Ordinal));
        cmd.Parameters.AddWithValue("s", fixture.ServiceId);
        cmd.Parameters.AddWithValue("n0", n0);
        cmd.Parameters.AddWithValue("n1", n1);
        cmd.Parameters.AddWithValue("e", (object?)ext ?? DBNull.Value);
        Assert.Equal(1, await cmd.ExecuteNonQueryAsync(Ct));
    }
}
