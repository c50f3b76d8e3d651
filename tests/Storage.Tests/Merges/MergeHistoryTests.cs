using Upt.TestSupport;
using static Upt.Storage.Tests.MergeTestDomain;

namespace Upt.Storage.Tests;

/// <summary>History rows written by the group-commit writer with the merge, and the walks over them.</summary>
public sealed class MergeHistoryTests(PostgresServerFixture server)
{
    [Fact]
    public async Task A_merge_through_the_writer_records_its_history_row_with_the_re_point()
    {
        await using var d = await CreateAsync(server, "history_write");
        await d.CreateProfilesAsync(0, 1);
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        await d.MergeAsync(0, 1, new MergeRecord(MergeTypes.Ai, 0.75, null, null, "operator-7", 0.75, """{"pair": "p-1"}"""));

        var row = Assert.Single(await d.History.GetHistoryAsync(Domain, "c0", Ct));
        Assert.Equal(
            (MergeTypes.Ai, "c0", "c1", 0.75, (string?)null, (string?)null, "operator-7", (double?)0.75, """{"pair": "p-1"}"""),
            (row.MergeType, row.AbsorbedProfileId, row.SurvivorProfileId, row.ConfidenceFactor, row.RuleId, row.RuleSetVersion, row.OperatorId, row.Score, row.ContextJson));
        Assert.InRange(row.At, before, DateTimeOffset.UtcNow.AddSeconds(5));
        // Same transaction: the row's time is the re-point's time (now() is the transaction start).
        Assert.Equal(1, await d.ScalarAsync(
            "SELECT count(*) FROM upt_merge_history h JOIN upt_profiles p ON p.domain = h.domain AND p.profile_id = h.absorbed_profile_id WHERE p.updated_at = h.at"));

        // A re-delivered absorb of a profile already merged records nothing more.
        await d.MergeAsync(0, 1);
        Assert.Single(await d.History.GetHistoryAsync(Domain, "c0", Ct));
    }

    [Fact]
    public async Task A_failed_write_records_neither_the_merge_nor_its_history()
    {
        await using var d = await CreateAsync(server, "history_rollback");
        await d.CreateProfilesAsync(0, 1);

        // The fields are not JSON: the statement after the absorb fails and the whole transaction rolls back.
        var write = new ProfileWrite(Domain, "c1") { FieldsJson = "not json", Absorbed = [new AbsorbedProfile("c0", Rule())] };
        // Refused for its data, so the writer says so (the caller keeps an error record instead of retrying).
        var refused = await Assert.ThrowsAsync<UnstorableWriteException>(() => d.Writer.WriteAsync(write, Ct));
        Assert.Equal("22P02", refused.SqlState);
        Assert.IsType<PostgresException>(refused.InnerException);

        Assert.Equal(0, await d.ScalarAsync("SELECT count(*) FROM upt_merge_history"));
        Assert.Null((await d.Profiles.GetProfileAsync(Domain, "c0"))!.MergedInto);
        Assert.Equal(Travellers(0), await d.TravellersAsync(0));
        Assert.Equal(2, await d.CounterAsync("profiles"));
    }

    [Fact]
    public void A_merge_record_accepts_only_merge_types()
    {
        var error = Assert.Throws<ArgumentException>(() => new MergeRecord(MergeTypes.Unmerge));
        Assert.Equal("Merge type must be rule, ai or manual, not 'unmerge' (Parameter 'MergeType')", error.Message);
        Assert.Equal(MergeTypes.Manual, new MergeRecord(MergeTypes.Manual).MergeType);
    }

    [Fact]
    public async Task Interaction_history_is_creation_then_the_merges_up_to_the_current_parent()
    {
        await using var d = await CreateAsync(server, "history_ancestors");
        await d.CreateProfilesAsync(0, 1, 2, 3, 4);
        await d.MergeAsync(0, 1, Rule(0.9, "r-a"));
        await d.MergeAsync(2, 3, new MergeRecord(MergeTypes.Ai, 0.6, Score: 0.6, OperatorId: "operator-2"));
        await d.MergeAsync(1, 3, Rule(0.8, "r-b"));
        await d.MergeAsync(3, 4, new MergeRecord(MergeTypes.Manual, OperatorId: "operator-3"));

        var of0 = await d.History.GetAncestorMergesAsync(Domain, "c0", Ct);
        var of2 = await d.History.GetAncestorMergesAsync(Domain, "c2", Ct);

        Assert.Equal(
            [("c0", "c1", MergeTypes.Rule, "r-a", 0.9), ("c1", "c3", MergeTypes.Rule, "r-b", 0.8), ("c3", "c4", MergeTypes.Manual, null, 1.0)],
            of0.Select(m => (m.AbsorbedProfileId, m.SurvivorProfileId!, m.MergeType, m.RuleId, m.ConfidenceFactor)));
        Assert.Equal(
            [("c2", "c3", MergeTypes.Ai, "operator-2"), ("c3", "c4", MergeTypes.Manual, "operator-3")],
            of2.Select(m => (m.AbsorbedProfileId, m.SurvivorProfileId!, m.MergeType, m.OperatorId)));
        // UPT's interaction history: the creation event, then every merge on the path.
        Assert.Equal((4, 3), (1 + of0.Count, 1 + of2.Count));
        Assert.True(of0.Zip(of0.Skip(1)).All(p => p.First.At <= p.Second.At && p.First.Id < p.Second.Id));
        Assert.Empty(await d.History.GetAncestorMergesAsync(Domain, "c4", Ct));

        Assert.Equal(
            [("c2", "c3"), ("c1", "c3"), ("c3", "c4")],
            (await d.History.GetHistoryAsync(Domain, "c3", Ct)).Select(h => (h.AbsorbedProfileId, h.SurvivorProfileId!)));

        // After 1 is unmerged from 4, interactions of 0 lead to 1 only; the unmerge is in 1's history.
        await d.UnmergeAsync(1, 4, "email:1@example.com");
        Assert.Equal([("c0", "c1")], (await d.History.GetAncestorMergesAsync(Domain, "c0", Ct)).Select(m => (m.AbsorbedProfileId, m.SurvivorProfileId!)));
        Assert.Equal(
            [(MergeTypes.Rule, "c0", "c1", (string?)null), (MergeTypes.Rule, "c1", "c3", null), (MergeTypes.Unmerge, "c1", "c4", "operator-1")],
            (await d.History.GetHistoryAsync(Domain, "c1", Ct)).Select(h => (h.MergeType, h.AbsorbedProfileId, h.SurvivorProfileId!, h.OperatorId)));
        Assert.Equal(2, (await d.History.GetAncestorMergesAsync(Domain, "c2", Ct)).Count);
    }
}
