using Upt.Grains.Profiles;
using Upt.Matching.Import;
using Upt.TestSupport;

namespace Upt.Grains.Tests;

/// <summary>Third-party match imports (UPT's TestAutoMergeSimple, TestAutoMergeMixed, TestNonExistentProfile, TestMergeUsingProfileId).</summary>
[Collection(GridCollection.Name)]
public sealed class MatchImportTests(GridFixture grid)
{
    private IIngestGrain Ingest => grid.Client.GetGrain<IIngestGrain>(0);

    private async Task<string> DomainWithTravellersAsync(double threshold, params (string Traveller, string First, string Last)[] travellers)
    {
        var domain = await grid.NewDomainAsync(new DomainSettings { Fuzzy = new FuzzyMatchSettings { Disabled = true, AutoMergeThreshold = threshold } });
        foreach (var (t, first, last) in travellers)
        {
            await Ingest.IngestAsync([Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile(t, first, last, $"{t}@imp.example", "2024-01-01T00:00:00.000Z")))]);
        }

        return domain;
    }

    private Task<string?> ProfileOfAsync(string domain, string traveller) =>
        grid.Client.GetGrain<IIdentifierGrain>(GrainKeys.Identifier(domain, IdentifierKinds.Traveller, traveller)).ResolveAsync().AsTask();

    [Fact]
    public async Task A_group_at_or_above_the_threshold_is_merged_by_traveller_or_profile_id()
    {
        var domain = await DomainWithTravellersAsync(0.8, ("I1", "Ann", "Ash"), ("I2", "Bob", "Birch"), ("I3", "Cy", "Cedar"));
        var byProfileId = ProfileIds.ForTraveller(domain, "I3");

        var result = await grid.Client.GetGrain<IFuzzyMatchGrain>(domain).ImportAsync([new ImportedMatchGroup("g1", ["I1", "I2", byProfileId], 0.9)]);

        Assert.Equal(new MatchImportResult(1, 3, 2, 0, []), result with { Unresolved = [] });
        Assert.Empty(result.Unresolved);
        var profile = await ProfileOfAsync(domain, "I1");
        Assert.Equal(profile, await ProfileOfAsync(domain, "I2"));
        Assert.Equal(profile, await ProfileOfAsync(domain, "I3"));
        Assert.Equal(2, await ScalarAsync("SELECT count(*) FROM upt_merge_history WHERE domain = @d AND merge_type = 'ai' AND score = 0.9", domain));
    }

    [Fact]
    public async Task A_group_below_the_threshold_is_stored_for_review_and_unknown_ids_are_dropped()
    {
        var domain = await DomainWithTravellersAsync(0.8, ("J1", "Dan", "Dale"), ("J2", "Eve", "Elm"));

        var result = await grid.Client.GetGrain<IFuzzyMatchGrain>(domain).ImportAsync([new ImportedMatchGroup("g2", ["J1", "J2", "nobody"], 0.65)]);

        Assert.Equal((1, 1, 0, 1), (result.Groups, result.Pairs, result.Merged, result.Stored));
        Assert.Equal(["nobody"], result.Unresolved);
        Assert.NotEqual(await ProfileOfAsync(domain, "J1"), await ProfileOfAsync(domain, "J2"));
        Assert.Equal(1, await ScalarAsync("SELECT count(*) FROM upt_match_pairs WHERE domain = @d AND source = 'import' AND score = 0.65", domain));
    }

    [Fact]
    public async Task A_real_export_file_of_profiles_that_do_not_exist_here_changes_nothing()
    {
        var domain = await DomainWithTravellersAsync(0.8);
        var file = MatchCsvReader.ReadFile(SharedData.UptFile("matching", "CustomerProfilesPendingMatches-fakedomain.csv"));

        var result = await grid.Client.GetGrain<IFuzzyMatchGrain>(domain).ImportAsync(
            file.Groups.Select(g => new ImportedMatchGroup(g.GroupId, g.ProfileIds, g.Score)).ToList());

        Assert.Equal((file.Groups.Count, 0, 0, 0), (result.Groups, result.Pairs, result.Merged, result.Stored));
        Assert.Equal(file.Groups.Sum(g => g.ProfileIds.Count), result.Unresolved.Count);
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM upt_match_pairs WHERE domain = @d", domain));
    }

    private async Task<long> ScalarAsync(string sql, string domain)
    {
        await using var cmd = grid.Database.CreateCommand(sql);
        cmd.Parameters.AddWithValue("d", domain);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
