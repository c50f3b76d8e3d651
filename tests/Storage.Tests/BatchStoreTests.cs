using Upt.TestSupport;

namespace Upt.Storage.Tests;

/// <summary>Batch bookmarks and runs: one live run per job, dead runners reported FAILED, error sources found by id.</summary>
public sealed class BatchStoreTests(PostgresServerFixture server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(NpgsqlDataSource Db, BatchStore Store)> NewStoreAsync(string name)
    {
        var db = NpgsqlDataSource.Create(await OrleansPostgres.NewMigratedDatabaseAsync(server, name));
        return (db, new BatchStore(db));
    }

    [Fact]
    public async Task A_job_has_one_live_run_and_a_runner_without_heartbeat_is_failed()
    {
        var (db, store) = await NewStoreAsync("batch_runs");
        await using var _ = db;
        var first = await store.StartRunAsync("demo", "*", "/in", null, TimeSpan.FromMinutes(1), Ct);
        Assert.NotNull(first);
        Assert.Equal(BatchRunRow.Running, first.Status);
        Assert.Null(await store.StartRunAsync("demo", "*", "/other", null, TimeSpan.FromMinutes(1), Ct));
        Assert.NotNull(await store.StartRunAsync("demo", "air_booking", "/in", new DateOnly(2024, 1, 2), TimeSpan.FromMinutes(1), Ct));

        // The first runner dies: its heartbeat ages.
        await ExecAsync(db, $"UPDATE upt_batch_runs SET heartbeat_at = now() - interval '10 minutes' WHERE id = {first.Id}");
        var reported = await store.GetLatestRunAsync("demo", "*", TimeSpan.FromMinutes(1), Ct);
        Assert.Equal(BatchRunRow.Failed, reported!.Status);
        Assert.Equal(BatchStore.StaleMessage, reported.LastError);

        var second = await store.StartRunAsync("demo", "*", "/in", null, TimeSpan.FromMinutes(1), Ct);
        Assert.NotNull(second);
        Assert.True(second.Id > first.Id);
        Assert.Equal(1, await OrleansPostgres.ScalarAsync(db, "SELECT count(*) FROM upt_batch_runs WHERE id = @id AND status = 'FAILED'", ("id", first.Id)));

        await store.UpdateRunAsync(second with { FilesTotal = 3, Records = 10 }, Ct);
        await store.FinishRunAsync(second with { Status = BatchRunRow.Succeeded, FilesTotal = 3, FilesDone = 3, Records = 12, Errors = 1 }, Ct);
        var done = await store.GetLatestRunAsync("demo", "*", TimeSpan.FromMinutes(1), Ct);
        Assert.Equal((BatchRunRow.Succeeded, 3, 12L, 1L), (done!.Status, done.FilesDone, done.Records, done.Errors));
        Assert.NotNull(done.FinishedAt);
        Assert.Null(await store.GetLatestRunAsync("demo", "pax_profile", TimeSpan.FromMinutes(1), Ct));
    }

    [Fact]
    public async Task A_replay_run_keeps_its_range_and_skipped_lines()
    {
        var (db, store) = await NewStoreAsync("batch_replay");
        await using var _ = db;
        var from = new DateTimeOffset(2024, 6, 1, 6, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2024, 6, 2, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_990); // microseconds, as PostgreSQL keeps them

        var run = await store.StartRunAsync("demo", "*", "/backup", null, from, to, TimeSpan.FromMinutes(1), Ct);
        Assert.NotNull(run);
        Assert.Equal((from, to, 0L, (DateOnly?)null), (run.RangeFrom, run.RangeTo, run.LinesSkipped, run.FromDate));

        await store.UpdateRunAsync(run with { Records = 4, LinesSkipped = 3 }, Ct);
        Assert.Equal(3, (await store.GetLatestRunAsync("demo", "*", TimeSpan.FromMinutes(1), Ct))!.LinesSkipped);
        await store.FinishRunAsync(run with { Status = BatchRunRow.Succeeded, Records = 5, LinesSkipped = 7 }, Ct);
        var done = await store.GetLatestRunAsync("demo", "*", TimeSpan.FromMinutes(1), Ct);
        Assert.Equal((BatchRunRow.Succeeded, 5L, 7L, from, to), (done!.Status, done.Records, done.LinesSkipped, done.RangeFrom!.Value, done.RangeTo!.Value));

        // A stale replay is reported like any run, range kept.
        var next = await store.StartRunAsync("demo", "*", "/backup", null, from, to, TimeSpan.FromMinutes(1), Ct);
        await ExecAsync(db, $"UPDATE upt_batch_runs SET heartbeat_at = now() - interval '10 minutes' WHERE id = {next!.Id}");
        var stale = await store.GetLatestRunAsync("demo", "*", TimeSpan.FromMinutes(1), Ct);
        Assert.Equal((BatchRunRow.Failed, from), (stale!.Status, stale.RangeFrom!.Value));
        var ordinary = await store.StartRunAsync("demo", "*", "/backup", null, TimeSpan.FromMinutes(1), Ct);
        Assert.Equal(((DateTimeOffset?)null, (DateTimeOffset?)null), (ordinary!.RangeFrom, ordinary.RangeTo));
    }

    [Fact]
    public async Task Bookmarks_are_per_job_and_source_and_replaced()
    {
        var (db, store) = await NewStoreAsync("batch_marks");
        await using var _ = db;
        await store.SaveBookmarkAsync(new BatchBookmark("demo", "*", "/in", "demo/2024/01/02/a.jsonl", 10, "v1", 5, 0, 1), Ct);
        await store.SaveBookmarkAsync(new BatchBookmark("demo", "*", "/in", "demo/2024/01/02/a.jsonl", 12, "v2", 6, 1, 2), Ct);
        await store.SaveBookmarkAsync(new BatchBookmark("demo", "clickstream", "/in", "demo/2024/01/02/a.jsonl", 10, "v1", 5, 0, 3), Ct);

        var marks = await store.GetBookmarksAsync("demo", "*", "/in", Ct);
        Assert.Equal(new BatchBookmark("demo", "*", "/in", "demo/2024/01/02/a.jsonl", 12, "v2", 6, 1, 2), Assert.Single(marks).Value);
        Assert.Empty(await store.GetBookmarksAsync("demo", "*", "s3://b", Ct));
    }

    [Fact]
    public async Task Error_sources_are_set_on_the_errors_that_exist()
    {
        var (db, store) = await NewStoreAsync("batch_errors");
        await using var _ = db;
        await ExecAsync(db, "INSERT INTO upt_errors (id, domain, category, message, object_type, raw) VALUES ('e2', 'demo', 'c', 'm', 't', 'r')");

        var found = await store.TagErrorSourcesAsync([("e1", "f#L1"), ("e2", "f#L2"), ("e2/merge", "f#L2")], Ct);

        Assert.Equal(["f#L2"], found);
        var (items, _) = await new DomainStore(db).ListErrorsAsync("demo", 0, 10, null, Ct);
        Assert.Equal("f#L2", Assert.Single(items).Source);
    }

    private static async Task ExecAsync(NpgsqlDataSource db, string sql)
    {
        await using var cmd = db.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync(Ct);
    }
}
