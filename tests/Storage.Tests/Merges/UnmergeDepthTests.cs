using System.Diagnostics;
using Upt.TestSupport;
using static Upt.Storage.Tests.MergeTestDomain;

namespace Upt.Storage.Tests;

/// <summary>
/// UPT walks at most 1,000 merges deep and notes ~8 s for such an unmerge. Here a chain of 1,000 merges is unmerged in
/// one recursive query; the test checks the result and prints the time (not asserted: the machine is shared).
/// </summary>
public sealed class UnmergeDepthTests(PostgresServerFixture server)
{
    private const int Depth = 1000;

    [Fact]
    public async Task A_chain_of_a_thousand_merges_unmerges_exactly()
    {
        await using var d = await CreateAsync(server, "unmerge_depth");
        // c0 ← c1 ← … ← c1000, merged from the end of the chain as a real run would: c1000 into c999 first, c1 into c0 last.
        // Every profile has one traveller and two objects, all held by c0 now.
        await using (var seed = d.Db.CreateCommand($"""
            INSERT INTO upt_profiles (domain, profile_id, fields, merged_into)
            SELECT @d, 'c' || i, '{"{}"}', CASE WHEN i > 0 THEN 'c' || (i - 1) END FROM generate_series(0, {Depth}) i;
            INSERT INTO upt_travellers (domain, traveller_id, profile_id, original_profile_id)
            SELECT @d, 'profile_id' || i, 'c0', 'c' || i FROM generate_series(0, {Depth}) i;
            INSERT INTO upt_objects (domain, object_type, traveller_id, object_id, profile_id, data)
            SELECT @d, @ty, 'profile_id' || i, 'booking' || i || '-' || k, 'c0', '{"{}"}' FROM generate_series(0, {Depth}) i, generate_series(1, 2) k;
            INSERT INTO upt_merge_history (domain, absorbed_profile_id, survivor_profile_id, merge_type)
            SELECT @d, 'c' || i, 'c' || (i - 1), 'rule' FROM generate_series({Depth}, 1, -1) i;
            INSERT INTO upt_counters (domain, counter, shard, value) VALUES (@d, 'profiles', 0, 1), (@d, 'objects:' || @ty, 0, {2 * (Depth + 1)});
            """))
        {
            seed.Parameters.AddWithValue("d", Domain);
            seed.Parameters.AddWithValue("ty", Booking);
            await seed.ExecuteNonQueryAsync(Ct);
        }

        var clock = Stopwatch.StartNew();
        var result = await d.History.UnmergeAsync(Domain, "c1", "c0", Evidence("email:1@example.com"), Ct);
        var elapsed = clock.Elapsed;
        TestContext.Current.TestOutputHelper?.WriteLine($"Unmerge of a {Depth}-deep chain: {elapsed.TotalMilliseconds:F0} ms");

        Assert.Equal(UnmergeStatus.Unmerged, result.Status);
        Assert.Equal("c0", result.ParentProfileId);
        Assert.Equal(Enumerable.Range(1, Depth).Select(i => $"c{i}").Order(StringComparer.Ordinal), result.LineageProfileIds);
        Assert.Equal(Enumerable.Range(1, Depth).Select(i => $"profile_id{i}").Order(StringComparer.Ordinal), result.MovedTravellerIds);
        Assert.Equal(2 * Depth, result.MovedObjects);
        Assert.Equal(Travellers(0), await d.TravellersAsync(0));
        Assert.Equal(Depth, (await d.TravellersAsync(1)).Length);
        Assert.Equal((2L, 2L * Depth), (await d.ObjectCountAsync(0), await d.ObjectCountAsync(1)));
        Assert.Equal(2, await d.CounterAsync("profiles"));
        // The unmerge's own transaction marks both sides for rule resolution's negative-link check.
        await using (var marked = d.Db.CreateCommand("SELECT array_agg(profile_id ORDER BY profile_id) FROM upt_profiles WHERE domain = @d AND (fields->>'unmergeBlocked')::boolean"))
        {
            marked.Parameters.AddWithValue("d", Domain);
            Assert.Equal(["c0", "c1"], (string[])(await marked.ExecuteScalarAsync(Ct))!);
        }

        // The ancestors of the deepest profile now stop at c1, which is live again.
        clock.Restart();
        var ancestors = await d.History.GetAncestorMergesAsync(Domain, $"c{Depth}", Ct);
        TestContext.Current.TestOutputHelper?.WriteLine($"Ancestors of the deepest profile ({ancestors.Count} merges): {clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal(Depth - 1, ancestors.Count);
        Assert.Equal(("c1", "c2"), (ancestors[^1].SurvivorProfileId, ancestors[^1].AbsorbedProfileId));

        // A second unmerge half-way down takes the lower half only.
        var half = await d.History.UnmergeAsync(Domain, "c500", "c1", Evidence("email:500@example.com"), Ct);
        Assert.Equal(Depth - 499, half.LineageProfileIds.Count);
        Assert.Equal(Depth - 499, half.MovedTravellerIds.Count);
        Assert.Equal((499, Depth - 499), ((await d.TravellersAsync(1)).Length, (await d.TravellersAsync(500)).Length));
    }
}
