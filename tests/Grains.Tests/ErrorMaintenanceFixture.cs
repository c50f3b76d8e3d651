using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans.TestingHost;
using Upt.Grains.Errors;
using Upt.Storage;
using Upt.TestSupport;

namespace Upt.Grains.Tests;

/// <summary>
/// A cluster of its own for error maintenance: in-memory reminders that may tick every second, retries with a
/// 50 ms backoff base, and a re-submitter whose failures the tests script (<see cref="Resubmissions"/>).
/// </summary>
public sealed class ErrorMaintenanceFixture(PostgresServerFixture postgres) : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    public IClusterClient Client => _cluster!.Client;

    public NpgsqlDataSource Database { get; private set; } = null!;

    /// <summary>What the silo's re-submitter did and must do.</summary>
    public ScriptedResubmissions Resubmissions { get; } = new();

    /// <summary>The options the silo runs with.</summary>
    public static ErrorRetryOptions Options { get; } = new()
    {
        BaseDelay = TimeSpan.FromMilliseconds(50),
        MaxDelay = TimeSpan.FromMilliseconds(200),
        Period = TimeSpan.FromSeconds(1),
        LedgerTtl = TimeSpan.FromHours(1),
    };

    /// <summary>A service of the (single) silo.</summary>
    public T SiloService<T>() where T : notnull => _cluster!.Silos[0].ServiceProvider.GetRequiredService<T>();

    public async ValueTask InitializeAsync()
    {
        var connectionString = await postgres.NewDatabaseAsync("errors");
        Database = NpgsqlDataSource.Create(connectionString);
        await new Migrator(Database, NullLogger<Migrator>.Instance).MigrateAsync();

        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration[$"{PostgresOptions.Section}:ConnectionString"] = connectionString;
            host.Configuration[$"{ErrorRetryOptions.Section}:BaseDelay"] = Options.BaseDelay.ToString();
            host.Configuration[$"{ErrorRetryOptions.Section}:MaxDelay"] = Options.MaxDelay.ToString();
            host.Configuration[$"{ErrorRetryOptions.Section}:Period"] = Options.Period.ToString();
            host.Configuration[$"{ErrorRetryOptions.Section}:LedgerTtl"] = Options.LedgerTtl.ToString();
            host.Services.AddUptStorage();
            host.Services.AddSingleton(TimeProvider.System);
            host.Services.AddSingleton<IErrorResubmitter>(sp => new ScriptedResubmitter(sp.GetRequiredService<IGrainFactory>(), Resubmissions));
            host.Services.AddUptErrorMaintenance();
        });
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Upt);
            silo.AddMemoryGrainStorage(StorageNames.PubSub);
            silo.AddMemoryStreams(ChangeStreams.ProviderName);
            silo.UseInMemoryReminderService();
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        });
        builder.ConfigureClient(client => client.AddMemoryStreams(ChangeStreams.ProviderName));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    /// <summary>A new domain with a unique name.</summary>
    public async Task<string> NewDomainAsync(DomainSettings? settings = null)
    {
        var name = "e" + Guid.NewGuid().ToString("N")[..20];
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
public sealed class ErrorMaintenanceCollection : ICollectionFixture<ErrorMaintenanceFixture>
{
    public const string Name = "error maintenance";
}
