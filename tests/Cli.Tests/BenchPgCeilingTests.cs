using Npgsql;
using Upt.Cli.Bench;
using Upt.TestSupport;

namespace Upt.Cli.Tests;

/// <summary>The PostgreSQL ceiling routine on a small row set: what it writes, not how fast.</summary>
public sealed class BenchPgCeilingTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    [Fact]
    public async Task Upserts_every_distinct_row_once_with_repeats_updating_in_place()
    {
        var connectionString = await postgres.NewDatabaseAsync("bench");
        await MigrateAsync(connectionString);
        var at = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var rows = Enumerable.Range(0, 250)
            .Select(i => new FlatRow("clickstream", $"t{i % 40}", $"o{i % 100}", $$"""{"n":{{i}}}""", i % 7 == 0 ? null : at.AddMinutes(i)))
            .ToList();
        var ceiling = new PgCeiling(connectionString) { StatementRows = 30, Connections = 3 };
        await ceiling.CreateTableAsync(TestContext.Current.CancellationToken);

        var result = await ceiling.RunAsync("bench", rows, TestContext.Current.CancellationToken);

        var distinct = rows.Select(r => (r.TravellerId, r.ObjectId)).Distinct().Count();
        Assert.Equal(distinct, await ceiling.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(9, result.Statements);
        Assert.InRange(result.Rows, distinct, rows.Count);

        // The last write of a key wins, as in upt_objects.
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(TestContext.Current.CancellationToken);
        await using var cmd = new NpgsqlCommand("SELECT data->>'n', profile_id FROM bench_scratch_objects WHERE traveller_id = 't9' AND object_id = 'o49'", conn);
        await using var reader = await cmd.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
        Assert.Equal("249", reader.GetString(0));
        Assert.Equal("t9", reader.GetString(1));
    }

    [Fact]
    public async Task Drop_removes_the_scratch_table()
    {
        var connectionString = await postgres.NewDatabaseAsync("bench");
        await MigrateAsync(connectionString);
        var ceiling = new PgCeiling(connectionString, "bench_scratch_drop");
        await ceiling.CreateTableAsync(TestContext.Current.CancellationToken);
        await ceiling.DropTableAsync(TestContext.Current.CancellationToken);

        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(TestContext.Current.CancellationToken);
        await using var cmd = new NpgsqlCommand("SELECT to_regclass('bench_scratch_drop') IS NULL", conn);
        Assert.True((bool)(await cmd.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
    }

    // The scratch table copies upt_objects, so the database needs Upt's schema, as a bench cluster's has.
    private static async Task MigrateAsync(string connectionString)
    {
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(connectionString);
        await new Upt.Storage.Migrator(dataSource, Microsoft.Extensions.Logging.Abstractions.NullLogger<Upt.Storage.Migrator>.Instance).MigrateAsync(TestContext.Current.CancellationToken);
    }
}
