using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Configuration;
using Orleans.TestingHost;
using Upt.TestSupport;

namespace Upt.Storage.Tests;

/// <summary>Builds migrated databases and real Orleans test clusters that use only the ADO.NET providers on them.</summary>
internal static class OrleansPostgres
{
    public const string Invariant = "Npgsql";
    public const string ConnectionStringKey = "UptStorageTests:ConnectionString";

    /// <summary>
    /// A fresh, empty database. The prefix is padded to at least 25 characters: PostgresServerFixture.NewDatabaseAsync
    /// cuts its generated name to prefix length + 40 (at most 60), which is longer than the name for short prefixes.
    /// </summary>
    public static Task<string> NewDatabaseAsync(PostgresServerFixture server, string name) =>
        server.NewDatabaseAsync($"upt_storage_{name}".PadRight(25, '_'));

    /// <summary>A fresh database with every embedded migration applied.</summary>
    public static async Task<string> NewMigratedDatabaseAsync(PostgresServerFixture server, string prefix)
    {
        var cs = await NewDatabaseAsync(server, prefix);
        await using var dataSource = NpgsqlDataSource.Create(cs);
        await new Migrator(dataSource, NullLogger<Migrator>.Instance).MigrateAsync();
        return cs;
    }

    /// <summary>
    /// Deploys <paramref name="silos"/> silos with ADO.NET clustering, grain storage and reminders on <paramref name="connectionString"/>;
    /// the test cluster's own membership is off, so silos find each other and the client finds gateways through the database only.
    /// </summary>
    public static async Task<TestCluster> DeployAsync(string connectionString, short silos)
    {
        var builder = new TestClusterBuilder(silos);
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ConfigureFileLogging = false;
        builder.Properties[ConnectionStringKey] = connectionString;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    public static async Task<long> ScalarAsync(NpgsqlDataSource db, string sql, params (string Name, object? Value)[] args)
    {
        await using var cmd = db.CreateCommand(sql);
        foreach (var (name, value) in args)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return Convert.ToInt64(await cmd.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No value: {sql}"));
    }

    public sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var cs = siloBuilder.Configuration[ConnectionStringKey]
                ?? throw new InvalidOperationException($"{ConnectionStringKey} is not configured");
            siloBuilder.UseAdoNetClustering(o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = cs;
            });
            siloBuilder.AddAdoNetGrainStorage("store", o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = cs;
            });
            siloBuilder.AddAdoNetGrainStorage("deleting-store", o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = cs;
                o.DeleteStateOnClear = true;
            });
            siloBuilder.UseAdoNetReminderService(o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = cs;
            });
            siloBuilder.Configure<ClusterMembershipOptions>(o => o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(1));
        }
    }

    public sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder)
        {
            var cs = configuration[ConnectionStringKey]
                ?? throw new InvalidOperationException($"{ConnectionStringKey} is not configured");
            clientBuilder.UseAdoNetClustering(o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = cs;
            });
        }
    }
}
