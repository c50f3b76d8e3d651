using Upt.TestSupport;
using static Upt.Storage.Tests.MergeTestDomain;

namespace Upt.Storage.Tests;

/// <summary>The unmerge scenarios of UPT's unmerge tests (upt-core §4.5), on the real writer and store.</summary>
public sealed class UnmergeTests(PostgresServerFixture server)
{
    [Fact]
    public async Task Simple_unmerge_takes_the_profile_and_its_lineage_back()
    {
        await using var d = await CreateAsync(server, "unmerge_simple");
        await d.CreateProfilesAsync(0, 1, 3, 4);
        await d.MergeAsync(0, 1, Rule(0.9));
        await d.MergeAsync(1, 3, new MergeRecord(MergeTypes.Ai, 0.6, Score: 0.6));
        await d.MergeAsync(3, 4, Rule(0.8));
        Assert.Equal(Travellers(0, 1, 3, 4), await d.TravellersAsync(4));

        var result = await d.UnmergeAsync(1, 4);

        Assert.Equal(("c1", "c4"), (result.ProfileId, result.ParentProfileId));
        Assert.Equal(Ids(0, 1), result.LineageProfileIds);
        Assert.Equal(Travellers(0, 1), result.MovedTravellerIds);
        Assert.Equal(2, result.MovedObjects);
        Assert.Equal(Travellers(0, 1), await d.TravellersAsync(1));
        Assert.Equal(Travellers(3, 4), await d.TravellersAsync(4));
        Assert.Equal((2L, 2L), (await d.ObjectCountAsync(1), await d.ObjectCountAsync(4)));
        var revived = await d.Profiles.GetProfileAsync(Domain, "c1");
        Assert.Null(revived!.MergedInto);
        Assert.Equal("c1", (await d.Profiles.GetProfileAsync(Domain, "c0"))!.MergedInto);
        Assert.Equal("c1", await d.Profiles.GetTravellerProfileAsync(Domain, "profile_id0"));
    }

    [Fact]
    public async Task A_second_unmerge_takes_the_first_into_account()
    {
        await using var d = await CreateAsync(server, "unmerge_multiple");
        await d.CreateProfilesAsync(0, 1, 3, 4);
        await d.MergeAsync(0, 1);
        await d.MergeAsync(1, 3);
        await d.MergeAsync(3, 4);
        await d.UnmergeAsync(1, 4);

        var second = await d.UnmergeAsync(3, 4);

        Assert.Equal(Ids(3), second.LineageProfileIds);
        Assert.Equal(Travellers(3), await d.TravellersAsync(3));
        Assert.Equal(Travellers(4), await d.TravellersAsync(4));
        Assert.Equal(Travellers(0, 1), await d.TravellersAsync(1));
    }

    [Fact]
    public async Task Unmerge_merge_and_unmerge_in_sequence()
    {
        await using var d = await CreateAsync(server, "unmerge_sequence");
        await d.CreateProfilesAsync(0, 1, 2, 3);
        await d.MergeAsync(0, 1);
        await d.MergeAsync(2, 3);
        await d.MergeAsync(1, 3);

        // 1 itself is merged into 3: 0 is still (transitively) merged into 1, and comes out of 3.
        var first = await d.UnmergeAsync(0, 1);
        Assert.Equal("c3", first.ParentProfileId);
        Assert.Equal(Travellers(0), await d.TravellersAsync(0));
        Assert.Equal(Travellers(1, 2, 3), await d.TravellersAsync(3));

        await d.MergeAsync(0, 3);
        await d.UnmergeAsync(1, 3);

        Assert.Equal(Travellers(0, 2, 3), await d.TravellersAsync(3));
        Assert.Equal(Travellers(1), await d.TravellersAsync(1));
    }

    [Fact]
    public async Task A_pair_merged_again_after_an_unmerge_still_moves_with_its_parent()
    {
        await using var d = await CreateAsync(server, "unmerge_dup1");
        await d.CreateProfilesAsync(0, 1, 2);
        await d.MergeAsync(0, 1);
        await d.UnmergeAsync(0, 1);
        await d.MergeAsync(0, 1);
        await d.MergeAsync(1, 2);

        // Edge 1→0 was merged twice and unmerged once: it still counts.
        var result = await d.UnmergeAsync(1, 2);

        Assert.Equal(Ids(0, 1), result.LineageProfileIds);
        Assert.Equal(Travellers(0, 1), await d.TravellersAsync(1));
        Assert.Equal(Travellers(2), await d.TravellersAsync(2));
    }

    [Fact]
    public async Task A_pair_unmerged_as_often_as_merged_stays_apart()
    {
        await using var d = await CreateAsync(server, "unmerge_dup2");
        await d.CreateProfilesAsync(0, 1, 2);
        await d.MergeAsync(0, 1);
        await d.UnmergeAsync(0, 1);
        await d.MergeAsync(0, 1);
        await d.UnmergeAsync(0, 1);
        await d.MergeAsync(1, 2);
        Assert.Equal(Ids(1), await d.LineageAsync(1));

        var result = await d.UnmergeAsync(1, 2);

        Assert.Equal(Ids(1), result.LineageProfileIds);
        Assert.Equal(Travellers(0), await d.TravellersAsync(0));
        Assert.Equal(Travellers(1), await d.TravellersAsync(1));
        Assert.Equal(Travellers(2), await d.TravellersAsync(2));
        Assert.Equal(3, await d.CounterAsync("profiles"));
    }

    [Fact]
    public async Task Objects_ingested_after_the_merge_go_back_with_their_travellers()
    {
        await using var d = await CreateAsync(server, "unmerge_objects");
        await d.CreateProfilesAsync(0, 1, 2);
        await d.MergeAsync(0, 1);
        await d.MergeAsync(1, 2);
        await d.AddBookingAsync(0);
        await d.AddBookingAsync(1, 4);
        Assert.Equal(8, await d.ObjectCountAsync(2));

        var first = await d.UnmergeAsync(1, 2);
        Assert.Equal(7, first.MovedObjects);
        Assert.Equal((7L, 1L), (await d.ObjectCountAsync(1), await d.ObjectCountAsync(2)));

        var second = await d.UnmergeAsync(0, 1);
        Assert.Equal(2, second.MovedObjects);
        Assert.Equal((2L, 5L, 1L), (await d.ObjectCountAsync(0), await d.ObjectCountAsync(1), await d.ObjectCountAsync(2)));

        var objectsOf0 = new List<StoredObject>();
        await foreach (var o in d.Profiles.GetAllObjectsAsync(Domain, "c0", Ct))
        {
            objectsOf0.Add(o);
        }

        Assert.Equal(["profile_id0", "profile_id0"], objectsOf0.Select(o => o.TravellerId));
        Assert.Equal(8, await d.CounterAsync($"objects:{Booking}"));
    }

    [Fact]
    public async Task Lineage_of_a_chain_shrinks_towards_its_end()
    {
        await using var d = await CreateAsync(server, "unmerge_chain");
        await d.CreateProfilesAsync(1, 2, 3, 4, 5);
        // 1 ← 2 ← 3 ← 4 ← 5, merged from the end of the chain.
        await d.MergeAsync(5, 4);
        await d.MergeAsync(4, 3);
        await d.MergeAsync(3, 2);
        await d.MergeAsync(2, 1);

        var sizes = new List<int>();
        foreach (var profile in new[] { 1, 2, 3, 4, 5 })
        {
            sizes.Add((await d.LineageAsync(profile)).Length);
        }

        Assert.Equal([5, 4, 3, 2, 1], sizes);
        Assert.Equal(Ids(3, 4, 5), await d.LineageAsync(3));

        var result = await d.UnmergeAsync(3, 1);
        Assert.Equal(Travellers(3, 4, 5), result.MovedTravellerIds);
        Assert.Equal(Travellers(1, 2), await d.TravellersAsync(1));
    }

    [Fact]
    public async Task Profile_count_goes_up_by_one_after_an_unmerge_and_deletes_count_every_object()
    {
        await using var d = await CreateAsync(server, "unmerge_count");
        await d.CreateProfilesAsync(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        await d.AddBookingAsync(1);
        await d.AddBookingAsync(2, 2);
        await d.AddBookingAsync(3);
        Assert.Equal((10L, 14L), (await d.CounterAsync("profiles"), await d.CounterAsync($"objects:{Booking}")));

        await d.MergeAsync(1, 0);
        Assert.Equal(9, await d.CounterAsync("profiles"));
        await d.History.DeleteProfileAsync(Domain, "c2", "operator-1", Ct);
        await d.History.DeleteProfileAsync(Domain, "c3", "operator-1", Ct);
        Assert.Equal((7L, 9L), (await d.CounterAsync("profiles"), await d.CounterAsync($"objects:{Booking}")));

        await d.UnmergeAsync(1, 0);

        // UPT reports 12 bookings here (−1 per deleted profile and type); 14 − 3 − 2 rows are left.
        Assert.Equal((8L, 9L), (await d.CounterAsync("profiles"), await d.CounterAsync($"objects:{Booking}")));
        Assert.Equal(8, await d.ScalarAsync("SELECT count(*) FROM upt_profiles WHERE domain = @d AND merged_into IS NULL", ("d", Domain)));
        Assert.Equal(9, await d.ScalarAsync("SELECT count(*) FROM upt_objects WHERE domain = @d", ("d", Domain)));
    }

    [Fact]
    public async Task Invalid_and_unmerged_requests_fail_clearly_and_change_nothing()
    {
        await using var d = await CreateAsync(server, "unmerge_invalid");
        await d.CreateProfilesAsync(0, 1, 2);
        await d.MergeAsync(0, 1);

        async Task<UnmergeResult> Unmerge(string a, string b) => await d.History.UnmergeAsync(Domain, a, b, Evidence("email:x"), Ct);

        Assert.Equal(
            (UnmergeStatus.InvalidRequest, "Both the profile to unmerge and the profile it is merged into are required"),
            ((await Unmerge("", "c1")).Status, (await Unmerge("", "c1")).Message));
        Assert.Equal(UnmergeStatus.InvalidRequest, (await Unmerge("c0", "")).Status);
        Assert.Equal((UnmergeStatus.InvalidRequest, "A profile cannot be unmerged from itself"), ((await Unmerge("c1", "c1")).Status, (await Unmerge("c1", "c1")).Message));
        var notMerged = await Unmerge("c0", "c2");
        Assert.Equal((UnmergeStatus.NotMerged, "Profile c0 is not merged into profile c2", false), (notMerged.Status, notMerged.Message, notMerged.Succeeded));
        Assert.Equal(UnmergeStatus.NotMerged, (await Unmerge("c1", "c0")).Status);
        Assert.Equal(UnmergeStatus.NotMerged, (await Unmerge("c9", "c1")).Status);

        await d.UnmergeAsync(0, 1);
        Assert.Equal(UnmergeStatus.NotMerged, (await Unmerge("c0", "c1")).Status);
        Assert.Equal(3, await d.CounterAsync("profiles"));
        Assert.Equal(1, await d.ScalarAsync("SELECT count(*) FROM upt_merge_history WHERE merge_type = 'unmerge'"));
    }
}
