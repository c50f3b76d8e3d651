using System.Text.Json.Nodes;
using Upt.Grains.Profiles;
using Upt.Matching.Scoring;
using Upt.Storage;
using Upt.TestSupport;

namespace Upt.Grains.Tests;

/// <summary>Continuous fuzzy matching: duplicates without shared ids merge as <c>ai</c>, weaker pairs wait for review, false positives stay apart.</summary>
[Collection(GridCollection.Name)]
public sealed class FuzzyMatchTests(GridFixture grid)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private IIngestGrain Ingest => grid.Client.GetGrain<IIngestGrain>(0);

    private MatchPairStore Pairs => new(grid.Database);

    private IFuzzyMatchGrain Fuzzy(string domain) => grid.Client.GetGrain<IFuzzyMatchGrain>(domain);

    private IProfileGrain Profile(string domain, string profileId) => grid.Client.GetGrain<IProfileGrain>(GrainKeys.Profile(domain, profileId));

    [Fact]
    public async Task Two_records_of_one_traveller_without_shared_ids_become_one_profile_by_an_ai_merge()
    {
        var domain = await grid.NewDomainAsync();
        await IngestAsync(domain,
            Travellers.Guest("FZ-A1", "Jonathan", "Smithers", "jon.smithers@fastmail.fm", "2024-01-01T00:00:00.000Z", "1984-03-12", "12 Harbour Street", "Sydney", "2000"),
            Travellers.Guest("FZ-B7", "Jonathon", "Smithers", "jsmithers@outlook.com", "2024-02-01T00:00:00.000Z", "1984-03-12", "12 Harbour St", "Sydney", "2000"));
        var (pa, pb) = (ProfileIds.ForTraveller(domain, "FZ-A1"), ProfileIds.ForTraveller(domain, "FZ-B7"));
        var survivor = string.CompareOrdinal(pa, pb) < 0 ? pa : pb;
        var absorbed = survivor == pa ? pb : pa;

        await Fuzzy(domain).ProfileChangedAsync(pa);
        await Fuzzy(domain).ProfileChangedAsync(pb);

        await Eventually.WaitAsync(() => ProfileCountAsync(domain), n => n == 1, Timeout, "the two profiles to merge");
        var merge = Assert.Single(await FuzzyHistory.ReadAsync(grid.Database, domain));
        Assert.Equal(("ai", absorbed, survivor), (merge.Type, merge.Absorbed, merge.Survivor));
        Assert.NotNull(merge.Score);
        Assert.InRange(merge.Score.Value, 0.99, 1.0);
        Assert.Equal(merge.Score.Value, merge.ConfidenceFactor);
        var view = await Profile(domain, absorbed).GetAsync(ProfileQuery.FieldsOnly);
        Assert.Equal(survivor, view!.ProfileId);
        Assert.Equal(["FZ-A1", "FZ-B7"], view.TravellerIds);
        Assert.Equal(new MatchPairCounts(0, 0), await Pairs.CountAsync(domain));
    }

    [Fact]
    public async Task A_pair_below_the_auto_merge_threshold_is_stored_for_review_and_not_merged()
    {
        var domain = await grid.NewDomainAsync();
        await IngestAsync(domain,
            Travellers.Guest("FZ-R1", "Maria", "Gonzalez", "maria.g@fastmail.fm", "2024-01-01T00:00:00.000Z"),
            Travellers.Guest("FZ-R2", "Maria", "Gonzalez", "mgonzalez@outlook.com", "2024-01-01T00:00:00.000Z"));
        var (p1, p2) = (ProfileIds.ForTraveller(domain, "FZ-R1"), ProfileIds.ForTraveller(domain, "FZ-R2"));

        await Fuzzy(domain).ProfileChangedAsync(p1);
        await Fuzzy(domain).ProfileChangedAsync(p2);

        await Eventually.WaitAsync(() => Pairs.CountAsync(domain), c => c.Total == 1, Timeout, "the review pair");
        var pair = Assert.Single((await Pairs.ListByScoreAsync(domain, 0, 10)).Pairs);
        var (a, b) = string.CompareOrdinal(p1, p2) < 0 ? (p1, p2) : (p2, p1);
        Assert.Equal((a, b, MatchPairSource.Ai, false), (pair.ProfileA, pair.ProfileB, pair.Source, pair.FalsePositive));
        Assert.Equal(await ExpectedScoreAsync(domain, a, b), pair.Score);
        Assert.InRange(pair.Score, 0.5, 0.99);
        var emailOf = new Dictionary<string, string> { [p1] = "maria.g@fastmail.fm", [p2] = "mgonzalez@outlook.com" };
        Assert.Equal([new MatchFieldDiff("PersonalEmailAddress", emailOf[a], emailOf[b])], pair.Diff);
        Assert.Equal(2, await ProfileCountAsync(domain));
        Assert.Empty(await FuzzyHistory.ReadAsync(grid.Database, domain));
    }

    [Fact]
    public async Task A_pair_marked_false_positive_is_not_merged_when_it_later_scores_above_the_threshold()
    {
        var domain = await grid.NewDomainAsync();
        await IngestAsync(domain,
            Travellers.Guest("FZ-F1", "Elena", "Petrova", "elena.p@fastmail.fm", "2024-01-01T00:00:00.000Z", "1991-07-23", "8 Rose Lane", "Perth", "6000"),
            Travellers.Guest("FZ-F2", "Elena", "Petrova", "epetrova@outlook.com", "2024-01-01T00:00:00.000Z"));
        var (p1, p2) = (ProfileIds.ForTraveller(domain, "FZ-F1"), ProfileIds.ForTraveller(domain, "FZ-F2"));
        await Fuzzy(domain).ProfileChangedAsync(p1);
        await Fuzzy(domain).ProfileChangedAsync(p2);
        await Eventually.WaitAsync(() => Pairs.CountAsync(domain), c => c.Total == 1, Timeout, "the review pair");
        Assert.True(await Pairs.MarkFalsePositiveAsync(domain, p1, p2));

        // The second traveller now gives the same birth date and address: the pair scores as a sure match.
        await IngestAsync(domain, Travellers.Guest("FZ-F2", "Elena", "Petrova", "epetrova@outlook.com", "2024-03-01T00:00:00.000Z", "1991-07-23", "8 Rose Lane", "Perth", "6000"));
        Assert.True(await ExpectedScoreAsync(domain, p1, p2) >= 0.99);
        await Fuzzy(domain).ProfileChangedAsync(p2);

        var pass = await Fuzzy(domain).RunFullPassAsync();

        // Each profile finds the other, and each time the mark holds the merge back.
        Assert.Equal(new FullPassResult(Profiles: 2, Merges: 0, ReviewPairs: 0, Guarded: 2), pass);
        Assert.Equal(2, await ProfileCountAsync(domain));
        Assert.Empty(await FuzzyHistory.ReadAsync(grid.Database, domain));
        Assert.Equal(new MatchPairCounts(0, 1), await Pairs.CountAsync(domain));
    }

    private async Task IngestAsync(string domain, params JsonObject[] profiles)
    {
        var summary = await Ingest.IngestAsync(profiles.Select(p => Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", p))).ToArray());
        Assert.Equal(0, summary.Errors);
    }

    private async Task<long> ProfileCountAsync(string domain) => (await grid.Client.GetGrain<IDomainGrain>(domain).GetAsync())!.Profiles;

    // The score the matcher gives the two profiles as they are now (no loyalty ids in these tests).
    private async Task<double> ExpectedScoreAsync(string domain, string profileId, string otherProfileId)
    {
        var one = await Profile(domain, profileId).GetAsync(ProfileQuery.FieldsOnly);
        var other = await Profile(domain, otherProfileId).GetAsync(ProfileQuery.FieldsOnly);
        return MatchScorer.Score(MatchInput.Of(one!.Fields, []).ToCandidate(), MatchInput.Of(other!.Fields, []).ToCandidate()).Score;
    }
}
