using System.Text.Json.Nodes;
using Upt.Grains.Profiles;
using Upt.Matching.Scoring;
using Upt.Storage;
using Upt.TestSupport;

namespace Upt.Grains.Tests;

/// <summary>UPT's matchConfig (through the domain grain, as <c>POST /api/ucp/promptConfig</c> saves it) drives fuzzy auto-merge.</summary>
[Collection(GridCollection.Name)]
public sealed class MatchConfigTests(GridFixture grid)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static readonly PromptConfig NoPrompt = new("", false);

    [Fact]
    public async Task Lowering_the_threshold_makes_a_pair_stored_for_review_merge_automatically()
    {
        var domain = await grid.NewDomainAsync();
        await IngestAsync(domain,
            Travellers.Guest("MC-R1", "Maria", "Gonzalez", "maria.g@fastmail.fm", "2024-01-01T00:00:00.000Z"),
            Travellers.Guest("MC-R2", "Maria", "Gonzalez", "mgonzalez@outlook.com", "2024-01-01T00:00:00.000Z"));
        var (p1, p2) = (ProfileIds.ForTraveller(domain, "MC-R1"), ProfileIds.ForTraveller(domain, "MC-R2"));
        await Fuzzy(domain).ProfileChangedAsync(p1);
        await Fuzzy(domain).ProfileChangedAsync(p2);
        await Eventually.WaitAsync(() => Pairs.CountAsync(domain), c => c.Total == 1, Timeout, "the review pair under the default threshold");
        var score = Assert.Single((await Pairs.ListByScoreAsync(domain, 0, 10)).Pairs).Score;
        Assert.InRange(score, 0.5, 0.99);
        Assert.Equal(2, await ProfileCountAsync(domain));

        Assert.Empty(await Domain(domain).SavePromptAndMatchConfigAsync(new PromptAndMatchConfig(NoPrompt, new MatchConfig(0.5, true))));

        // The matcher reads settings through a cache of a few seconds: offer the profile again until it sees the new threshold.
        await Eventually.WaitAsync(async () =>
        {
            await Fuzzy(domain).ProfileChangedAsync(p1);
            return await ProfileCountAsync(domain);
        }, n => n == 1, Timeout, "the pair to merge under the lowered threshold");
        var merge = Assert.Single(await FuzzyHistory.ReadAsync(grid.Database, domain));
        Assert.Equal(("ai", (double?)score, score), (merge.Type, merge.Score, merge.ConfidenceFactor));
        var settings = (await Domain(domain).GetSettingsAsync())!.Fuzzy;
        Assert.Equal((0.5, false, 0.5), (settings.AutoMergeThreshold, settings.AutoMergeDisabled, settings.ReviewThreshold));
        Assert.Equal(new PromptAndMatchConfig(NoPrompt, new MatchConfig(0.5, true)), await Domain(domain).GetPromptAndMatchConfigAsync());
    }

    [Fact]
    public async Task An_inactive_match_config_turns_auto_merge_off_so_a_pair_above_the_threshold_waits_for_review()
    {
        var domain = await grid.NewDomainAsync();
        Assert.Empty(await Domain(domain).SavePromptAndMatchConfigAsync(new PromptAndMatchConfig(NoPrompt, new MatchConfig(0.99, false))));
        await IngestAsync(domain,
            Travellers.Guest("MC-A1", "Jonathan", "Smithers", "jon.smithers@fastmail.fm", "2024-01-01T00:00:00.000Z", "1984-03-12", "12 Harbour Street", "Sydney", "2000"),
            Travellers.Guest("MC-B7", "Jonathon", "Smithers", "jsmithers@outlook.com", "2024-02-01T00:00:00.000Z", "1984-03-12", "12 Harbour St", "Sydney", "2000"));
        var (pa, pb) = (ProfileIds.ForTraveller(domain, "MC-A1"), ProfileIds.ForTraveller(domain, "MC-B7"));

        await Fuzzy(domain).ProfileChangedAsync(pa);
        await Fuzzy(domain).ProfileChangedAsync(pb);

        await Eventually.WaitAsync(() => Pairs.CountAsync(domain), c => c.Total == 1, Timeout, "the pair to be stored for review");
        Assert.True(await ScoreAsync(domain, pa, pb) >= 0.99, "the pair scores above the threshold");
        Assert.Equal(2, await ProfileCountAsync(domain));
        Assert.Empty(await FuzzyHistory.ReadAsync(grid.Database, domain));
        Assert.Equal(new MatchConfig(0.99, false), (await Domain(domain).GetPromptAndMatchConfigAsync())!.Match);
    }

    [Fact]
    public async Task Invalid_settings_are_refused_with_every_reason_and_nothing_changes()
    {
        var domain = await grid.NewDomainAsync();
        var before = await Domain(domain).GetPromptAndMatchConfigAsync();
        Assert.Equal(new PromptAndMatchConfig(NoPrompt, new MatchConfig(0.99, true)), before);

        Assert.Equal(
            ["promptConfig.value is required when promptConfig.isActive is true", "matchConfig.value must be between 0.00 and 0.99"],
            await Domain(domain).SavePromptAndMatchConfigAsync(new PromptAndMatchConfig(new PromptConfig("  ", true), new MatchConfig(1.0, true))));
        Assert.Equal(["matchConfig.value must be between 0.00 and 0.99"],
            await Domain(domain).SavePromptAndMatchConfigAsync(new PromptAndMatchConfig(NoPrompt, new MatchConfig(-0.01, false))));
        Assert.Equal(["matchConfig.value must be between 0.00 and 0.99"],
            await Domain(domain).SavePromptAndMatchConfigAsync(new PromptAndMatchConfig(NoPrompt, new MatchConfig(double.NaN, true))));
        Assert.Equal(["promptConfig.value exceeds the maximum length of 4000"],
            await Domain(domain).SavePromptAndMatchConfigAsync(new PromptAndMatchConfig(new PromptConfig(new string('p', 4001), true), new MatchConfig(0.9, true))));
        Assert.Equal(["promptConfig.value contains invalid characters"],
            await Domain(domain).SavePromptAndMatchConfigAsync(new PromptAndMatchConfig(new PromptConfig("Summarise\u0000", true), new MatchConfig(0.9, true))));

        Assert.Equal(before, await Domain(domain).GetPromptAndMatchConfigAsync());
        Assert.Equal(new FuzzyMatchSettings(), (await Domain(domain).GetSettingsAsync())!.Fuzzy);
        Assert.Equal(["domain nosuchdomain not found"],
            await grid.Client.GetGrain<IDomainGrain>("nosuchdomain").SavePromptAndMatchConfigAsync(new PromptAndMatchConfig(NoPrompt, new MatchConfig(0.9, true))));
    }

    private IDomainGrain Domain(string domain) => grid.Client.GetGrain<IDomainGrain>(domain);

    private IFuzzyMatchGrain Fuzzy(string domain) => grid.Client.GetGrain<IFuzzyMatchGrain>(domain);

    private MatchPairStore Pairs => new(grid.Database);

    private async Task IngestAsync(string domain, params JsonObject[] profiles)
    {
        var summary = await grid.Client.GetGrain<IIngestGrain>(0).IngestAsync(profiles.Select(p => Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", p))).ToArray());
        Assert.Equal(0, summary.Errors);
    }

    private async Task<long> ProfileCountAsync(string domain) => (await Domain(domain).GetAsync())!.Profiles;

    private async Task<double> ScoreAsync(string domain, string profileId, string otherProfileId)
    {
        var one = await grid.Client.GetGrain<IProfileGrain>(GrainKeys.Profile(domain, profileId)).GetAsync(ProfileQuery.FieldsOnly);
        var other = await grid.Client.GetGrain<IProfileGrain>(GrainKeys.Profile(domain, otherProfileId)).GetAsync(ProfileQuery.FieldsOnly);
        return MatchScorer.Score(MatchInput.Of(one!.Fields, []).ToCandidate(), MatchInput.Of(other!.Fields, []).ToCandidate()).Score;
    }
}
