using Upt.TestSupport;
using static Upt.Storage.Tests.MergeTestDomain;

namespace Upt.Storage.Tests;

/// <summary>Negative links: an unmerged pair is not merged again on the evidence that had linked it.</summary>
public sealed class UnmergeBlockTests(PostgresServerFixture server)
{
    [Fact]
    public async Task An_unmerged_pair_is_blocked_on_its_old_evidence_until_new_evidence_or_a_clear()
    {
        await using var d = await CreateAsync(server, "blocks");
        await d.CreateProfilesAsync(0, 1, 2);
        await d.MergeAsync(0, 1);
        await d.UnmergeAsync(0, 1, "phone:+331234", "email:0@example.com", "email:0@example.com");

        Task<bool> Blocked(string a, string b, params string[] evidence) => d.History.IsBlockedAsync(Domain, a, b, evidence, Ct);

        Assert.True(await Blocked("c0", "c1", "email:0@example.com"));
        Assert.True(await Blocked("c1", "c0", "phone:+331234", "email:0@example.com"));
        Assert.False(await Blocked("c0", "c1", "email:0@example.com", "loyalty:AB12"));
        Assert.False(await Blocked("c0", "c2", "email:0@example.com"));
        Assert.Equal(1, await d.ScalarAsync(
            "SELECT count(*) FROM upt_unmerge_blocks WHERE profile_a = 'c0' AND profile_b = 'c1' AND evidence = ARRAY['email:0@example.com', 'phone:+331234']"));

        // Merged again on new evidence and unmerged again: the block widens.
        await d.MergeAsync(0, 1);
        await d.UnmergeAsync(0, 1, "loyalty:AB12");
        Assert.True(await Blocked("c0", "c1", "email:0@example.com", "loyalty:AB12"));
        Assert.Equal(1, await d.ScalarAsync("SELECT count(*) FROM upt_unmerge_blocks"));

        Assert.True(await d.History.ClearBlockAsync(Domain, "c1", "c0", Ct));
        Assert.False(await Blocked("c0", "c1", "email:0@example.com"));
        Assert.False(await d.History.ClearBlockAsync(Domain, "c0", "c1", Ct));
    }

    [Fact]
    public async Task The_block_is_with_the_live_profile_left_when_the_merged_into_profile_was_merged_away()
    {
        await using var d = await CreateAsync(server, "blocks_live");
        await d.CreateProfilesAsync(0, 1, 2);
        await d.MergeAsync(0, 1);
        await d.MergeAsync(1, 2);

        var result = await d.UnmergeAsync(0, 1, "email:0@example.com");

        Assert.Equal("c2", result.ParentProfileId);
        Assert.True(await d.History.IsBlockedAsync(Domain, "c0", "c2", ["email:0@example.com"], Ct));
        Assert.False(await d.History.IsBlockedAsync(Domain, "c0", "c1", ["email:0@example.com"], Ct));
    }
}
