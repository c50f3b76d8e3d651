using Upt.TestSupport;

namespace Upt.Storage.Tests;

/// <summary>Match pairs: stored once whatever the order, listed by score and per profile, false positives remembered.</summary>
public sealed class MatchPairStoreTests(PostgresServerFixture server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(NpgsqlDataSource Db, MatchPairStore Store)> NewStoreAsync(string name)
    {
        var db = NpgsqlDataSource.Create(await OrleansPostgres.NewMigratedDatabaseAsync(server, name));
        return (db, new MatchPairStore(db));
    }

    private static MatchPairWrite Pair(string x, string y, double score, MatchPairSource source = MatchPairSource.Ai, params MatchFieldDiff[] diff) =>
        new(x, y, score, diff, source);

    [Fact]
    public async Task A_pair_is_stored_once_in_byte_order_with_its_diff_turned_to_match()
    {
        var (db, store) = await NewStoreAsync("match_once");
        await using var _ = db;
        var written = await store.UpsertAsync("demo",
        [
            Pair("p2", "p1", 0.7, MatchPairSource.Import, new MatchFieldDiff("FirstName", "Jon", "John")),
            Pair("p1", "p2", 0.8, MatchPairSource.Ai, new MatchFieldDiff("FirstName", "John", "Jon"), new MatchFieldDiff("LastName", "Doe", "")),
        ], Ct);

        Assert.Equal(1, written);
        Assert.Equal(1, await OrleansPostgres.ScalarAsync(db, "SELECT count(*) FROM upt_match_pairs"));
        var pair = Assert.Single((await store.ListByScoreAsync("demo", 0, 10, Ct)).Pairs);
        Assert.Equal(("demo", "p1", "p2", 0.8, MatchPairSource.Ai, false, false), (pair.Domain, pair.ProfileA, pair.ProfileB, pair.Score, pair.Source, pair.FalsePositive, pair.MergeInProgress));
        Assert.Equal([new MatchFieldDiff("FirstName", "John", "Jon"), new MatchFieldDiff("LastName", "Doe", "")], pair.Diff);

        // Given the other way round, the diff's sides follow the stored order.
        await store.UpsertAsync("demo", [Pair("p2", "p1", 0.6, MatchPairSource.Import, new MatchFieldDiff("Email", "b@x.io", "a@x.io"))], Ct);
        pair = Assert.Single((await store.ListByScoreAsync("demo", 0, 10, Ct)).Pairs);
        Assert.Equal((0.6, MatchPairSource.Import), (pair.Score, pair.Source));
        Assert.Equal([new MatchFieldDiff("Email", "a@x.io", "b@x.io")], pair.Diff);
        Assert.True(pair.UpdatedAt >= pair.CreatedAt);
        Assert.Equal("""[{"fieldName": "Email", "sourceValue": "a@x.io", "targetValue": "b@x.io"}]""",
            await TextAsync(db, "SELECT data_diff::text FROM upt_match_pairs"));

        // Byte order, as PostgreSQL's "C" collation: 'B' (0x42) before 'a' (0x61), and "é" (0xC3 0xA9) after "z".
        await store.UpsertAsync("demo", [Pair("a", "B", 0.5), Pair("é", "z", 0.4)], Ct);
        var all = (await store.ListByScoreAsync("demo", 0, 10, Ct)).Pairs.Select(p => (p.ProfileA, p.ProfileB));
        Assert.Equal([("p1", "p2"), ("B", "a"), ("z", "é")], all);
    }

    [Fact]
    public async Task Invalid_pairs_are_refused_and_nothing_is_written()
    {
        var (db, store) = await NewStoreAsync("match_invalid");
        await using var _ = db;
        await Assert.ThrowsAsync<ArgumentException>(() => store.UpsertAsync("demo", [Pair("p1", "p2", 0.5), Pair("p3", "p3", 0.9)], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.UpsertAsync("demo", [Pair("p1", "", 0.9)], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.UpsertAsync("demo", [Pair("p1", "p2", double.NaN)], Ct));
        Assert.Equal(0, await store.UpsertAsync("demo", [], Ct));
        Assert.Equal(new MatchPairCounts(0, 0), await store.CountAsync("demo", Ct));
        await using var insert = db.CreateCommand("INSERT INTO upt_match_pairs (domain, profile_a, profile_b, score, source) VALUES ('demo', 'p2', 'p1', 0.5, 'ai')");
        await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync(Ct));
    }

    [Fact]
    public async Task Pairs_are_listed_by_score_in_pages_without_false_positives()
    {
        var (db, store) = await NewStoreAsync("match_pages");
        await using var _ = db;
        // 25 pairs, scores 0.01 .. 0.25; another domain's pairs never show.
        await store.UpsertAsync("demo", Enumerable.Range(1, 25).Select(i => Pair($"a{i:00}", $"b{i:00}", i / 100.0)).ToList(), Ct);
        await store.UpsertAsync("other", [Pair("a01", "b01", 0.99)], Ct);

        var first = await store.ListByScoreAsync("demo", 0, 10, Ct);
        Assert.Equal(25, first.Total);
        Assert.Equal(Enumerable.Range(16, 10).Reverse().Select(i => $"a{i:00}"), first.Pairs.Select(p => p.ProfileA));
        var last = await store.ListByScoreAsync("demo", 2, 10, Ct);
        Assert.Equal(["a05", "a04", "a03", "a02", "a01"], last.Pairs.Select(p => p.ProfileA));
        Assert.Empty((await store.ListByScoreAsync("demo", 3, 10, Ct)).Pairs);

        Assert.True(await store.MarkFalsePositiveAsync("demo", "b25", "a25", Ct));
        Assert.True(await store.MarkFalsePositiveAsync("demo", "a03", "b03", Ct));
        Assert.False(await store.MarkFalsePositiveAsync("demo", "a03", "b04", Ct));
        first = await store.ListByScoreAsync("demo", 0, 10, Ct);
        Assert.Equal((23L, "a24"), (first.Total, first.Pairs[0].ProfileA));
        var falsePositives = await store.ListFalsePositivesAsync("demo", 0, 10, Ct);
        Assert.Equal(2, falsePositives.Total);
        Assert.Equal(["a25", "a03"], falsePositives.Pairs.Select(p => p.ProfileA));
        Assert.All(falsePositives.Pairs, p => Assert.True(p.FalsePositive));
        Assert.Equal(new MatchPairCounts(23, 2), await store.CountAsync("demo", Ct));
        Assert.Equal(25, (await store.CountAsync("demo", Ct)).Total);
        Assert.Equal(new MatchPairCounts(1, 0), await store.CountAsync("other", Ct));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListByScoreAsync("demo", -1, 10, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListByScoreAsync("demo", 0, 0, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListByScoreAsync("demo", 0, MatchPairStore.MaxListWindow + 1, Ct));
        Assert.Empty((await store.ListByScoreAsync("demo", 9_999, 10, Ct)).Pairs);
    }

    [Fact]
    public async Task A_false_positive_stays_one_when_scored_again()
    {
        var (db, store) = await NewStoreAsync("match_fp");
        await using var _ = db;
        await store.UpsertAsync("demo", [Pair("p1", "p2", 0.7)], Ct);
        Assert.True(await store.MarkFalsePositiveAsync("demo", "p1", "p2", Ct));

        await store.UpsertAsync("demo", [Pair("p2", "p1", 0.95, MatchPairSource.Import)], Ct);

        Assert.Empty((await store.ListByScoreAsync("demo", 0, 10, Ct)).Pairs);
        Assert.Empty(await store.ForProfileAsync("demo", "p1", Ct));
        var pair = Assert.Single((await store.ListFalsePositivesAsync("demo", 0, 10, Ct)).Pairs);
        Assert.Equal((0.95, MatchPairSource.Import, true), (pair.Score, pair.Source, pair.FalsePositive));
    }

    [Fact]
    public async Task Flagging_keeps_a_stored_pairs_score_and_stores_a_new_pair_marked_and_one_pair_deletes_alone()
    {
        var (db, store) = await NewStoreAsync("match_flag");
        await using var _ = db;
        await store.UpsertAsync("demo", [Pair("p1", "p2", 0.7), Pair("p1", "p3", 0.6)], Ct);

        Assert.False(await store.FlagFalsePositiveAsync("demo", Pair("p2", "p1", 0.1), Ct));
        Assert.True(await store.FlagFalsePositiveAsync("demo", Pair("p4", "p1", 0.4, MatchPairSource.Ai, new MatchFieldDiff("FirstName", "Ann", "Anne")), Ct));

        var marked = (await store.ListFalsePositivesAsync("demo", 0, 10, Ct)).Pairs;
        Assert.Equal([("p1", "p2", 0.7), ("p1", "p4", 0.4)], marked.Select(p => (p.ProfileA, p.ProfileB, p.Score)));
        Assert.Equal([new MatchFieldDiff("FirstName", "Anne", "Ann")], marked[1].Diff);

        Assert.True(await store.DeletePairAsync("demo", "p3", "p1", Ct));
        Assert.False(await store.DeletePairAsync("demo", "p3", "p1", Ct));
        Assert.Equal(new MatchPairCounts(0, 2), await store.CountAsync("demo", Ct));
    }

    [Fact]
    public async Task A_profiles_pairs_are_found_flagged_and_deleted_on_either_side()
    {
        var (db, store) = await NewStoreAsync("match_profile");
        await using var _ = db;
        await store.UpsertAsync("demo", [Pair("m", "a", 0.6), Pair("m", "z", 0.9), Pair("a", "z", 0.8), Pair("m", "q", 0.7)], Ct);
        await store.UpsertAsync("other", [Pair("m", "a", 0.6)], Ct);
        Assert.True(await store.MarkFalsePositiveAsync("demo", "q", "m", Ct));

        var ofM = await store.ForProfileAsync("demo", "m", Ct);
        Assert.Equal([("m", "z", 0.9), ("a", "m", 0.6)], ofM.Select(p => (p.ProfileA, p.ProfileB, p.Score)));

        Assert.Equal(2, await store.SetMergeInProgressAsync("demo", ["z"], true, Ct));
        Assert.Equal(0, await store.SetMergeInProgressAsync("demo", ["z"], true, Ct));
        Assert.Equal(["a|m:False", "a|z:True", "m|q:False", "m|z:True"],
            (await AllAsync(store, "demo")).Select(p => $"{p.ProfileA}|{p.ProfileB}:{p.MergeInProgress}"));

        // m is merged away: all its pairs go, the false positive too; other profiles' and domains' pairs stay.
        Assert.Equal(3, await store.DeletePairsOfAsync("demo", "m", Ct));
        Assert.Equal(["a|z"], (await AllAsync(store, "demo")).Select(p => $"{p.ProfileA}|{p.ProfileB}"));
        Assert.Equal(0, await store.DeletePairsOfAsync("demo", "m", Ct));
        Assert.Equal(new MatchPairCounts(1, 0), await store.CountAsync("other", Ct));
        Assert.Equal(1, await store.SetMergeInProgressAsync("demo", ["a"], false, Ct));
    }

    private static async Task<IReadOnlyList<MatchPair>> AllAsync(MatchPairStore store, string domain)
    {
        var review = await store.ListByScoreAsync(domain, 0, 100, Ct);
        var falsePositives = await store.ListFalsePositivesAsync(domain, 0, 100, Ct);
        return [.. review.Pairs.Concat(falsePositives.Pairs).OrderBy(p => p.ProfileA, StringComparer.Ordinal).ThenBy(p => p.ProfileB, StringComparer.Ordinal)];
    }

    private static async Task<string> TextAsync(NpgsqlDataSource db, string sql)
    {
        await using var cmd = db.CreateCommand(sql);
        return (string)(await cmd.ExecuteScalarAsync(Ct))!;
    }
}
