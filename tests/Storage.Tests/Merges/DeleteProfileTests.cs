using Upt.TestSupport;
using static Upt.Storage.Tests.MergeTestDomain;

namespace Upt.Storage.Tests;

/// <summary>Deleting a profile removes everything of it in one transaction, with exact counters.</summary>
public sealed class DeleteProfileTests(PostgresServerFixture server)
{
    [Fact]
    public async Task Delete_removes_objects_travellers_lookups_and_tombstones_with_exact_counters()
    {
        await using var d = await CreateAsync(server, "delete_profile");
        await d.CreateProfilesAsync(0, 1, 2, 3);
        await d.MergeAsync(0, 1);
        await d.AddBookingAsync(1, 2);
        await d.Writer.WriteAsync(new ProfileWrite(Domain, "c1")
        {
            Objects = [new ObjectRow("email_history", "profile_id0", "mail1", """{"address": "x"}""", null)],
            AddLookups = [new LookupRow("rule:r-1", "k1")],
        }, Ct);
        await d.MergeAsync(2, 3);
        await d.UnmergeAsync(2, 3, "email:2@example.com");
        await d.MergeAsync(3, 1);
        Assert.Equal((2L, 6L, 1L), (await d.CounterAsync("profiles"), await d.CounterAsync($"objects:{Booking}"), await d.CounterAsync("objects:email_history")));

        // c0 was merged into c1: deleting it by that id deletes c1, the profile it forwards to.
        var deleted = await d.History.DeleteProfileAsync(Domain, "c0", "operator-9", Ct);

        Assert.True(deleted.Deleted);
        Assert.Equal("c1", deleted.ProfileId);
        Assert.Equal(Travellers(0, 1, 3), deleted.TravellerIds);
        Assert.Equal(new Dictionary<string, long> { [Booking] = 5, ["email_history"] = 1 }, deleted.ObjectsByType);
        Assert.Equal(2, deleted.Lookups);
        Assert.Equal(Ids(0, 3), deleted.ForwardingProfileIds);
        Assert.Equal((1L, 1L, 0L), (await d.CounterAsync("profiles"), await d.CounterAsync($"objects:{Booking}"), await d.CounterAsync("objects:email_history")));
        Assert.Equal(1, await d.ScalarAsync("SELECT count(*) FROM upt_profiles"));
        Assert.Equal(1, await d.ScalarAsync("SELECT count(*) FROM upt_objects"));
        Assert.Equal(1, await d.ScalarAsync("SELECT count(*) FROM upt_travellers"));
        // c2 came back from its unmerge without lookups (its owner rebuilds them), so none are left.
        Assert.Equal(0, await d.ScalarAsync("SELECT count(*) FROM upt_lookups"));
        Assert.Equal(0, await d.ScalarAsync("SELECT count(*) FROM upt_unmerge_blocks"));
        Assert.Null(await d.Profiles.GetProfileAsync(Domain, "c1"));
        Assert.Equal(Travellers(2), await d.TravellersAsync(2));

        var row = (await d.History.GetHistoryAsync(Domain, "c1", Ct))[^1];
        Assert.Equal((MergeTypes.Delete, "c1", (string?)null, "operator-9"), (row.MergeType, row.AbsorbedProfileId, row.SurvivorProfileId, row.OperatorId));

        // Deleting again is a no-op.
        var again = await d.History.DeleteProfileAsync(Domain, "c1", "operator-9", Ct);
        Assert.Equal((false, "c1", 0, 0), (again.Deleted, again.ProfileId, again.TravellerIds.Count, again.ObjectsByType.Count));
        Assert.Equal(1, await d.CounterAsync("profiles"));
        Assert.Equal(1, await d.ScalarAsync("SELECT count(*) FROM upt_merge_history WHERE merge_type = 'delete'"));
    }

    [Fact]
    public async Task Deleting_a_domain_deletes_its_history_and_blocks()
    {
        await using var d = await CreateAsync(server, "delete_domain");
        await d.CreateProfilesAsync(0, 1);
        await d.MergeAsync(0, 1);
        await d.UnmergeAsync(0, 1, "email:0@example.com");

        await d.Domains.DeleteDomainDataAsync(Domain, Ct);

        Assert.Equal(0, await d.ScalarAsync("SELECT count(*) FROM upt_merge_history"));
        Assert.Equal(0, await d.ScalarAsync("SELECT count(*) FROM upt_unmerge_blocks"));
    }
}
