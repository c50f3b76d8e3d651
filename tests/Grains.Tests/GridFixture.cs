using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans.TestingHost;
using Upt.Storage;
using Upt.TestSupport;

namespace Upt.Grains.Tests;

/// <summary>
/// One in-process Orleans cluster per test collection, on a fresh PostgreSQL database of the shared
/// test server (Upt's own tables are real; Orleans' own grain state uses memory storage here).
/// </summary>
public sealed class GridFixture(PostgresServerFixture postgres) : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    public string ConnectionString { get; private set; } = "";

    public IClusterClient Client => _cluster!.Client;

    public NpgsqlDataSource Database { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await postgres.NewDatabaseAsync("grid");
        Database = NpgsqlDataSource.Create(ConnectionString);
        await new Migrator(Database, NullLogger<Migrator>.Instance).MigrateAsync();

        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration[$"{PostgresOptions.Section}:ConnectionString"] = ConnectionString;
            host.Services.AddUptStorage();
            host.Services.AddSingleton(TimeProvider.System);
        });
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Upt);
            silo.AddMemoryGrainStorage(StorageNames.PubSub);
            silo.AddMemoryStreams(ChangeStreams.ProviderName);
        });
        builder.ConfigureClient(client => client.AddMemoryStreams(ChangeStreams.ProviderName));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    /// <summary>A new domain with a unique name.</summary>
    public async Task<string> NewDomainAsync(DomainSettings? settings = null)
    {
        var name = "d" + Guid.NewGuid().ToString("N")[..20];
        Assert.True(await Client.GetGrain<IDomainGrain>(name).CreateAsync(settings));
        return name;
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class GridCollection : ICollectionFixture<GridFixture>
{
    public const string Name = "grid";
}
