using Microsoft.Extensions.Logging.Abstractions;
using Upt.TestSupport;

namespace Upt.Storage.Tests;

public sealed class MigrationTests(PostgresServerFixture server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] OrleansScripts =
        ["0001_orleans_query.sql", "0002_orleans_clustering.sql", "0003_orleans_persistence.sql", "0004_orleans_reminders.sql"];

    /// <summary>Every query key the three 10.4.x providers read (clustering 10, persistence 4, reminders 7).</summary>
    private static readonly string[] ExpectedQueryKeys =
    [
        // Clustering
        "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey",
        "InsertMembershipKey", "InsertMembershipVersionKey", "MembershipReadAllKey", "MembershipReadRowKey",
        "UpdateIAmAlivetimeKey", "UpdateMembershipKey",
        // Persistence
        "ClearStorageKey", "DeleteStorageKey", "ReadFromStorageKey", "WriteToStorageKey",
        // Reminders
        "DeleteReminderRowKey", "DeleteReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey",
        "ReadReminderRowsKey", "UpsertReminderRowKey",
    ];

    [Fact]
    public void OrleansScriptsAreEmbeddedFirstAndInOrder()
    {
        var names = Migrator.Scripts.Select(s => s.Name).ToArray();
        Assert.Equal(OrleansScripts, names.Take(OrleansScripts.Length));
    }

    [Fact]
    public async Task MigratingTwiceIsHarmless()
    {
        var cs = await OrleansPostgres.NewDatabaseAsync(server, "mig_twice");
        await using var db = NpgsqlDataSource.Create(cs);
        var migrator = new Migrator(db, NullLogger<Migrator>.Instance);

        await migrator.MigrateAsync(Ct);
        var firstKeys = await QueryKeysAsync(db);
        await migrator.MigrateAsync(Ct);

        Assert.Equal(Migrator.Scripts.Count, await OrleansPostgres.ScalarAsync(db, "SELECT count(*) FROM upt_schema_migrations"));
        Assert.Equal(ExpectedQueryKeys.Order(StringComparer.Ordinal), firstKeys);
        Assert.Equal(firstKeys, await QueryKeysAsync(db));
    }

    [Fact]
    public async Task RerunningTheScriptsByHandIsHarmless()
    {
        var cs = await OrleansPostgres.NewMigratedDatabaseAsync(server, "mig_hand");
        await using var db = NpgsqlDataSource.Create(cs);
        await using (var seed = db.CreateCommand(
            "INSERT INTO orleansmembershipversiontable (deploymentid) VALUES ('kept'); " +
            "INSERT INTO orleansremindertable VALUES ('svc', 'g/1', 'r', now(), 60000, 7, 0)"))
        {
            await seed.ExecuteNonQueryAsync(Ct);
        }

        foreach (var (name, sql) in Migrator.Scripts.Where(s => OrleansScripts.Contains(s.Name)))
        {
            await using var again = db.CreateCommand(sql);
            await again.ExecuteNonQueryAsync(Ct);
        }

        Assert.Equal(ExpectedQueryKeys.Order(StringComparer.Ordinal), await QueryKeysAsync(db));
        Assert.Equal(1, await OrleansPostgres.ScalarAsync(db, "SELECT count(*) FROM orleansmembershipversiontable WHERE deploymentid = 'kept'"));
        Assert.Equal(1, await OrleansPostgres.ScalarAsync(db, "SELECT count(*) FROM orleansremindertable"));
    }

    [Fact]
    public async Task ConcurrentMigrationsBothSucceed()
    {
        var cs = await OrleansPostgres.NewDatabaseAsync(server, "mig_conc");
        await using var db1 = NpgsqlDataSource.Create(cs);
        await using var db2 = NpgsqlDataSource.Create(cs);

        await Task.WhenAll(
            new Migrator(db1, NullLogger<Migrator>.Instance).MigrateAsync(Ct),
            new Migrator(db2, NullLogger<Migrator>.Instance).MigrateAsync(Ct));

        Assert.Equal(Migrator.Scripts.Count, await OrleansPostgres.ScalarAsync(db1, "SELECT count(*) FROM upt_schema_migrations"));
        Assert.Equal(Migrator.Scripts.Count, await OrleansPostgres.ScalarAsync(db1, "SELECT count(DISTINCT name) FROM upt_schema_migrations"));
        Assert.Equal(ExpectedQueryKeys.Order(StringComparer.Ordinal), await QueryKeysAsync(db1));
    }

    [Fact]
    public async Task OnlyTheOrleansTablesAreCreated()
    {
        var cs = await OrleansPostgres.NewDatabaseAsync(server, "mig_tables");
        await using var db = NpgsqlDataSource.Create(cs);
        await new Migrator(db, NullLogger<Migrator>.Instance).MigrateAsync(Ct);

        var tables = new List<string>();
        await using var cmd = db.CreateCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 'orleans%' ORDER BY table_name");
        await using var reader = await cmd.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            tables.Add(reader.GetString(0));
        }

        Assert.Equal(
            ["orleansmembershiptable", "orleansmembershipversiontable", "orleansquery", "orleansremindertable", "orleansstorage"],
            tables);
    }

    private static async Task<List<string>> QueryKeysAsync(NpgsqlDataSource db)
    {
        var keys = new List<string>();
        await using var cmd = db.CreateCommand("SELECT querykey FROM orleansquery ORDER BY querykey COLLATE \"C\"");
        await using var reader = await cmd.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }
}
