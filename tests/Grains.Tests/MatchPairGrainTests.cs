using Upt.Grains.Profiles;
using Upt.Matching.Scoring;
using Upt.Storage;

namespace Upt.Grains.Tests;

/// <summary>The match-pair reader: stale pairs (a profile merged away or deleted) are dropped and deleted on read; marks and their outcomes.</summary>
[Collection(GridCollection.Name)]
public sealed class MatchPairGrainTests(GridFixture grid)
{
    private MatchPairStore Pairs => new(grid.Database);

    [Fact]
    public async Task Reads_drop_and_delete_pairs_of_profiles_merged_away_or_gone_and_orient_the_rest_to_the_profile_asked_for()
    {
        var (domain, p1, p2, p3) = await ThreeProfilesAsync();
        var survivor = string.CompareOrdinal(p1, p3) < 0 ? p1 : p3;
        var absorbed = survivor == p1 ? p3 : p1;
        Assert.Equal(survivor, (await grid.Client.GetGrain<IMergeGrain>(domain).MergeAsync(p1, p3, new MergeContext("manual", "op-1")))!.ProfileId);
        var survivorName = (await ViewAsync(domain, survivor)).Fields["FirstName"];

        // Pairs as a matcher that missed the merge could have left them: one with a profile that never existed, one
        // with the absorbed profile, and the live one, stored with p2 as its source.
        await Pairs.UpsertAsync(domain,
        [
            new MatchPairWrite(p2, "ghost-profile", 0.9, [], MatchPairSource.Ai),
            new MatchPairWrite(absorbed, p2, 0.8, [], MatchPairSource.Ai),
            new MatchPairWrite(p2, survivor, 0.7, [new MatchFieldDiff("FirstName", "Tomasz", survivorName)], MatchPairSource.Import),
        ]);

        var list = await Reader(domain).ListAsync(0, 10);
        var entry = Assert.Single(list.Pairs);
        Assert.Equal(1, list.Total);
        var (a, b) = string.CompareOrdinal(p2, survivor) < 0 ? (p2, survivor) : (survivor, p2);
        Assert.Equal((a, b, 0.7, false, false, true), (entry.Source.ProfileId, entry.Target.ProfileId, entry.Score, entry.FalsePositive, entry.MergeInProgress, entry.Imported));
        Assert.Equal(new MatchPairCounts(1, 0), await Pairs.CountAsync(domain));

        // Asked through the absorbed id: the survivor's pairs, the survivor as the source, the diff turned with it.
        var mine = Assert.Single(await Reader(domain).ForProfileAsync(absorbed));
        Assert.Equal((survivor, p2), (mine.Source.ProfileId, mine.Target.ProfileId));
        Assert.Equal([new MatchPairDiff("FirstName", survivorName, "Tomasz")], mine.Diff);
        Assert.Empty(await Reader(domain).ForProfileAsync("ghost-profile"));
    }

    [Fact]
    public async Task A_mark_needs_two_live_distinct_profiles_keeps_a_stored_score_and_scores_a_pair_never_stored()
    {
        var (domain, p1, p2, p3) = await ThreeProfilesAsync();
        await Pairs.UpsertAsync(domain, [new MatchPairWrite(p1, p2, 0.61, [], MatchPairSource.Ai)]);

        Assert.Equal(FalsePositiveOutcome.ProfileNotFound, await Reader(domain).MarkFalsePositiveAsync(p1, "ghost-profile"));
        Assert.Equal(FalsePositiveOutcome.SameProfile, await Reader(domain).MarkFalsePositiveAsync(p1, p1));
        Assert.Equal(FalsePositiveOutcome.Marked, await Reader(domain).MarkFalsePositiveAsync(p2, p1));
        Assert.Equal(FalsePositiveOutcome.Marked, await Reader(domain).MarkFalsePositiveAsync(p3, p1));

        var marked = (await Pairs.ListFalsePositivesAsync(domain, 0, 10)).Pairs.ToDictionary(p => (p.ProfileA, p.ProfileB));
        Assert.Equal(2, marked.Count);
        Assert.Equal(0.61, marked[Ordered(p1, p2)].Score);
        var (v1, v3) = (await ViewAsync(domain, p1), await ViewAsync(domain, p3));
        var expected = MatchScorer.Score(MatchInput.Of(v1.Fields, []).ToCandidate(), MatchInput.Of(v3.Fields, []).ToCandidate()).Score;
        Assert.Equal(expected, marked[Ordered(p1, p3)].Score);
        Assert.Contains(marked[Ordered(p1, p3)].Diff, d => d.FieldName == "FirstName");
        Assert.Empty((await Reader(domain).ListAsync(0, 10)).Pairs);
    }

    private async Task<(string Domain, string P1, string P2, string P3)> ThreeProfilesAsync()
    {
        var domain = await grid.NewDomainAsync();
        var summary = await grid.Client.GetGrain<IIngestGrain>(0).IngestAsync(new[]
        {
            Envelopes.GuestProfile("MP-1", "Olivia", "Wexford", "olivia.w@fastmail.fm", "2024-01-01T00:00:00.000Z"),
            Envelopes.GuestProfile("MP-2", "Tomasz", "Nakamura", "tnakamura@outlook.com", "2024-01-01T00:00:00.000Z"),
            Envelopes.GuestProfile("MP-3", "Priya", "Lindqvist", "priya.l@example.org", "2024-01-01T00:00:00.000Z"),
        }.Select(p => Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", p))).ToArray());
        Assert.Equal(0, summary.Errors);
        return (domain, ProfileIds.ForTraveller(domain, "MP-1"), ProfileIds.ForTraveller(domain, "MP-2"), ProfileIds.ForTraveller(domain, "MP-3"));
    }

    private async Task<ProfileView> ViewAsync(string domain, string profileId) =>
        (await grid.Client.GetGrain<IProfileGrain>(GrainKeys.Profile(domain, profileId)).GetAsync(ProfileQuery.FieldsOnly))!;

    private static (string, string) Ordered(string x, string y) => string.CompareOrdinal(x, y) < 0 ? (x, y) : (y, x);

    private IMatchPairGrain Reader(string domain) => grid.Client.GetGrain<IMatchPairGrain>(domain);
}
