using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans.Configuration;
using Orleans.TestingHost;
using Upt.Grains.Jobs;
using Upt.Storage;
using Upt.TestSupport;

namespace Upt.Grains.Tests.Jobs;

/// <summary>
/// Two in-process silos (the test host's in-process membership) that keep grain state and Upt's tables in PostgreSQL,
/// so a silo can be killed and the other answers from what is stored; the test jobs of <see cref="TestJobs"/> are registered.
/// One cluster per test class: a test that kills a silo leaves the others theirs.
/// </summary>
public sealed class JobClusterFixture(PostgresServerFixture postgres) : IAsyncLifetime
{
    private const string Invariant = "Npgsql";
    private InProcessTestCluster? _cluster;
    private string _connectionString = "";

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("not started");

    public IClusterClient Client => Cluster.Client;

    /// <summary>The cluster's database.</summary>
    public NpgsqlDataSource Database { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _connectionString = await postgres.NewDatabaseAsync("jobs");
        Database = NpgsqlDataSource.Create(_connectionString);
        await new Migrator(Database, NullLogger<Migrator>.Instance).MigrateAsync();

        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration[$"{PostgresOptions.Section}:ConnectionString"] = _connectionString;
            host.Services.AddUptStorage();
            host.Services.AddSingleton(TimeProvider.System);
            host.Services.AddAsyncJob<TestJobs.Gated>(TestJobs.GatedUseCase);
            host.Services.AddAsyncJob<TestJobs.Failing>(TestJobs.FailingUseCase);
        });
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddAdoNetGrainStorage(StorageNames.Upt, o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = _connectionString;
            });
            silo.AddMemoryGrainStorage(StorageNames.PubSub);
            silo.AddMemoryStreams(ChangeStreams.ProviderName);
            // Two silos: one vote declares the other dead, after two missed one-second probes.
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
                o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(1);
            });
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    /// <summary>A new domain with a unique name.</summary>
    public async Task<string> NewDomainAsync()
    {
        var name = "j" + Guid.NewGuid().ToString("N")[..20];
        Assert.True(await Client.GetGrain<IDomainGrain>(name).CreateAsync());
        return name;
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }
}
