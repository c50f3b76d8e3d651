using Orleans.TestingHost;
using Upt.TestSupport;

namespace Upt.Storage.Tests;

/// <summary>A two-silo cluster on its own migrated database, shared by the tests of one class.</summary>
public sealed class OrleansClusterFixture(PostgresServerFixture server) : IAsyncLifetime
{
    private NpgsqlDataSource? _db;
    private TestCluster? _cluster;

    public NpgsqlDataSource Db => _db ?? throw new InvalidOperationException("not initialised");
    public TestCluster Cluster => _cluster ?? throw new InvalidOperationException("not initialised");
    public IClusterClient Client => Cluster.Client;
    public string ServiceId => Cluster.Options.ServiceId;

    public async ValueTask InitializeAsync()
    {
        var cs = await OrleansPostgres.NewMigratedDatabaseAsync(server, "cluster");
        _db = NpgsqlDataSource.Create(cs);
        _cluster = await OrleansPostgres.DeployAsync(cs, silos: 2);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }
}
