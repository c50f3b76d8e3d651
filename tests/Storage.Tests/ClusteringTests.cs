using Orleans.Messaging;
using Orleans.TestingHost;
using Upt.TestSupport;

namespace Upt.Storage.Tests;

/// <summary>Membership and gateway discovery through UseAdoNetClustering on the migrated schema only.</summary>
public sealed class ClusteringTests(PostgresServerFixture server) : IAsyncLifetime
{
    private const int Active = 3; // SiloStatus.Active
    private const int Dead = 6;   // SiloStatus.Dead
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Each test adds or kills silos, so each gets its own cluster (a fixture instance per test, not per class).
    private readonly OrleansClusterFixture _fixture = new(server);

    private NpgsqlDataSource Db => _fixture.Db;
    private TestCluster Cluster => _fixture.Cluster;
    private string ClusterId => Cluster.Options.ClusterId;

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task TwoSilosFormAClusterAndAThirdJoinsAndLeaves()
    {
        var management = Cluster.Client.GetGrain<IManagementGrain>(0);

        // Both initial silos registered themselves as Active rows of this cluster, under one version row.
        await WaitForStatusCountAsync(Active, 2);
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM orleansmembershipversiontable WHERE deploymentid = @d"));
        Assert.Equal(2, await CountAsync("SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = @d"));
        Assert.Equal(2, await CountAsync("SELECT count(DISTINCT port) FROM orleansmembershiptable WHERE deploymentid = @d AND proxyport > 0"));
        var initialSilos = Cluster.Silos.Select(s => s.SiloAddress).ToHashSet();
        Assert.Equal(initialSilos, (await management.GetHosts(onlyActive: true, Ct)).Keys.ToHashSet());
        var versionBefore = await CountAsync("SELECT version FROM orleansmembershipversiontable WHERE deploymentid = @d");

        // A third silo joins: its row appears Active and every silo sees three.
        var third = (await Cluster.StartAdditionalSilosAsync(1, false, Ct))[0];
        await WaitForRowStatusAsync(third.SiloAddress, Active);
        await WaitForStatusCountAsync(Active, 3);
        await Eventually.WaitAsync(async () => (await management.GetHosts(onlyActive: true, Ct)).Count, n => n == 3, Patience, "three active hosts");
        Assert.True(await CountAsync("SELECT version FROM orleansmembershipversiontable WHERE deploymentid = @d") > versionBefore);

        // It leaves gracefully: its row turns Dead, the two others stay Active.
        await Cluster.StopSiloAsync(third, Ct);
        await WaitForRowStatusAsync(third.SiloAddress, Dead);
        await WaitForStatusCountAsync(Active, 2);
        await Eventually.WaitAsync(async () => (await management.GetHosts(onlyActive: true, Ct)).Keys.ToHashSet(), s => s.SetEquals(initialSilos), Patience, "the initial silos as the only active hosts");
    }

    [Fact]
    public async Task ClientFindsTheGatewaysThroughTheDatabase()
    {
        await WaitForStatusCountAsync(Active, 2);
        var provider = Cluster.Client.ServiceProvider.GetRequiredService<IGatewayListProvider>();
        Assert.Equal("AdoNetGatewayListProvider", provider.GetType().Name);

        var gateways = await provider.GetGatewaysAsync(Ct);
        // Each gateway is the silo's proxy endpoint with the silo's generation.
        var expected = Cluster.Silos.Select(s => SiloAddress.New(s.GatewayAddress!.Endpoint, s.SiloAddress.Generation).ToGatewayUri()).ToHashSet();
        Assert.Equal(2, gateways.Count);
        Assert.Equal(expected, gateways.ToHashSet());

        // And the client really talks to the cluster through them.
        var hosts = await Cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, Ct);
        Assert.Equal(2, hosts.Count);
    }

    [Fact]
    public async Task HeartbeatsUpdateIAmAliveTime()
    {
        await WaitForStatusCountAsync(Active, 2);
        var silo = Cluster.Silos[0].SiloAddress;
        var first = await IAmAliveAsync(silo);
        var later = await Eventually.WaitAsync(() => IAmAliveAsync(silo), t => t > first, Patience, "a newer IAmAliveTime");
        Assert.True(later > first);
    }

    [Fact]
    public async Task DefunctDeadRowsAreCleanedUp()
    {
        var third = (await Cluster.StartAdditionalSilosAsync(1, false, Ct))[0];
        await WaitForRowStatusAsync(third.SiloAddress, Active);
        await Cluster.StopSiloAsync(third, Ct);
        await WaitForRowStatusAsync(third.SiloAddress, Dead);

        var table = Cluster.GetSiloServiceProvider(Cluster.Silos[0].SiloAddress).GetRequiredService<IMembershipTable>();
        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddMinutes(1), Ct);

        Assert.Equal(0, await CountAsync("SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = @d AND status = 6"));
        Assert.Equal(2, await CountAsync("SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = @d AND status = 3"));
    }

    private Task<long> CountAsync(string sql) => OrleansPostgres.ScalarAsync(Db, sql, ("d", ClusterId));

    private Task WaitForStatusCountAsync(int status, int count) =>
        Eventually.WaitAsync(
            () => OrleansPostgres.ScalarAsync(Db, "SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = @d AND status = @s", ("d", ClusterId), ("s", status)),
            n => n == count, Patience, $"{count} rows with status {status}");

    private Task WaitForRowStatusAsync(SiloAddress silo, int status) =>
        Eventually.WaitAsync(
            () => OrleansPostgres.ScalarAsync(Db,
                "SELECT coalesce(max(status), -1) FROM orleansmembershiptable WHERE deploymentid = @d AND address = @a AND port = @p AND generation = @g",
                ("d", ClusterId), ("a", silo.Endpoint.Address.ToString()), ("p", silo.Endpoint.Port), ("g", silo.Generation)),
            s => s == status, Patience, $"status {status} for {silo}");

    private async Task<DateTime> IAmAliveAsync(SiloAddress silo)
    {
        await using var cmd = Db.CreateCommand(
            "SELECT iamalivetime FROM orleansmembershiptable WHERE deploymentid = @d AND address = @a AND port = @p AND generation = @g");
        cmd.Parameters.AddWithValue("d", ClusterId);
        cmd.Parameters.AddWithValue("a", silo.Endpoint.Address.ToString());
        cmd.Parameters.AddWithValue("p", silo.Endpoint.Port);
        cmd.Parameters.AddWithValue("g", silo.Generation);
        return (DateTime)(await cmd.ExecuteScalarAsync(Ct) ?? throw new InvalidOperationException($"no row for {silo}"));
    }
}
