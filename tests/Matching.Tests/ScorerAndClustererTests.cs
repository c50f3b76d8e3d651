using Upt.Matching.Clustering;
using Upt.Matching.Scoring;
using static Upt.Matching.Tests.BlockingAndGuardTests;

namespace Upt.Matching.Tests;

public sealed class ScorerAndClustererTests
{
    private static readonly double Auto = MatchSettings.Default.AutoMergeThreshold;

    [Fact]
    public void Typo_duplicates_merge_and_strangers_do_not()
    {
        Assert.True(MatchScorer.Score(Person("jacob", "lanyon"), Person("jacbo", "lanyln")).Score >= Auto);
        Assert.True(MatchScorer.Score(Person("jacob", "lanyon"), Person("sarah", "bruhn", "19300213", "44 forbes street", "4510")).Score < 0.01);
    }

    [Fact]
    public void Swapped_given_name_and_surname_still_match()
    {
        var s = MatchScorer.Score(Person("petreece", "lusted"), Person("lusted", "petreece"));
        Assert.True(s.Score >= Auto);
        Assert.Equal(Agreement.Exact, s.Details.Single(d => d.Field == "surname").Level);
    }

    [Fact]
    public void Missing_values_are_no_evidence()
    {
        var full = MatchScorer.Score(Person("jacob", "lanyon"), Person("jacob", "lanyon"));
        var missing = MatchScorer.Score(Person("jacob", "lanyon"), Person("jacob", "lanyon", dob: ""));
        var birth = missing.Details.Single(d => d.Field == "birth_date");
        Assert.Equal((Agreement.Missing, 0.0), (birth.Level, birth.Weight));
        Assert.True(missing.Bits < full.Bits);
        Assert.True(missing.Bits > 0);
    }

    [Fact]
    public void Loyalty_ids_equal_are_strong_different_are_counter_evidence_and_near_are_neutral()
    {
        var weak = (Person("j", "lanyon", dob: "", line1: "", postcode: ""), Person("j", "lanyon", dob: "", line1: "", postcode: ""));
        Assert.True(MatchScorer.Score(weak.Item1 with { LoyaltyIds = [new("", "9497788")] }, weak.Item2 with { LoyaltyIds = [new("", "9497788")] }).Score >= Auto);

        var a = Person("jacob", "lanyon", loyalty: "9497788");
        var baseline = MatchScorer.Score(a, Person("jacob", "lanyon")).Bits;
        var near = MatchScorer.Score(a, Person("jacob", "lanyon", loyalty: "9497878")).Bits;
        var other = MatchScorer.Score(a, Person("jacob", "lanyon", loyalty: "3150586")).Bits;
        Assert.Equal(baseline, near);
        Assert.True(other <= baseline - 5);

        // Different programmes never compare.
        var programme = MatchScorer.Score(a with { LoyaltyIds = [new("flyfar", "1")] }, a with { LoyaltyIds = [new("staymore", "2")] });
        Assert.Equal(Agreement.Missing, programme.Details.Single(d => d.Field == "loyalty_id").Level);
    }

    [Fact]
    public void Equal_email_or_phone_is_strong_evidence()
    {
        var a = Person("j", "lanyon", dob: "", line1: "", postcode: "", email: "jl@mail.com");
        var b = Person("jake", "lanyon", dob: "", line1: "", postcode: "", email: "JL@mail.com");
        Assert.True(MatchScorer.Score(a, b).Score >= Auto);
        var p = Person("j", "lanyon", dob: "", line1: "", postcode: "", phone: "0412 345 678");
        var q = Person("jake", "lanyon", dob: "", line1: "", postcode: "", phone: "+61412345678");
        Assert.True(MatchScorer.Score(p, q).Score >= Auto);
    }

    [Fact]
    public void Household_members_without_birth_dates_are_not_auto_merged()
    {
        var s = MatchScorer.Score(Person("jacob", "lanyon", dob: ""), Person("emily", "lanyon", dob: ""));
        Assert.True(s.Score < Auto, $"{s.Score}");
    }

    [Fact]
    public void Clusterer_unions_pairs_above_threshold()
    {
        var labels = Clusterer.Cluster(5, [new(0, 1, 0.999), new(1, 2, 0.995), new(3, 4, 0.5)], 0.99);
        Assert.Equal([0, 0, 0, 3, 4], labels);
    }

    [Fact]
    public void Clusterer_guard_stops_a_chain_between_records_that_disagree()
    {
        // 0~1 and 1~2 are strong, but 0 and 2 are plainly different people.
        double Cross(int a, int b) => (Math.Min(a, b), Math.Max(a, b)) == (0, 2) ? 0.001 : 0.999;
        var labels = Clusterer.Cluster(3, [new(0, 1, 0.999), new(1, 2, 0.995)], 0.99, Cross, guardThreshold: 0.01);
        Assert.Equal([0, 0, 2], labels);
    }
}
