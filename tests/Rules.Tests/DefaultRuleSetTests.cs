namespace Upt.Rules.Tests;

public sealed class DefaultRuleSetTests
{
    [Fact]
    public void Default_rules_are_UPTs_alternate_id_rule_and_the_loyalty_id_rules()
    {
        Assert.Equal(
            [(0, "merge_same_alternate_profile_ids", "alternate_profile_id", "name,value"), (1, "merge_same_air_loyalty_ids", "air_loyalty", "id"), (2, "merge_same_hotel_loyalty_ids", "hotel_loyalty", "id")],
            DefaultRuleSets.Rules.Select(r => (r.Index, r.Name, r.Conditions[0].IncomingObjectType, string.Join(',', r.Conditions.Select(c => c.IncomingObjectField)))));
    }

    [Fact]
    public void A_traveller_and_the_hub_of_their_alternate_id_share_a_key()
    {
        var indexer = new RuleIndexer(DefaultRuleSets.Rules);
        var traveller = indexer.Index(R.Profile(), R.Object("alternate_profile_id", ("name", "crm"), ("value", "C-42"), ("traveller_id", "T1")));
        var hub = indexer.Index(R.Profile(), R.Object("alternate_profile_id", ("name", "CRM"), ("value", "C-42"), ("traveller_id", "crm_C-42")));

        Assert.Equal([new RuleIndexKey(0, "crm_c-42", "crm_c-42")], traveller);
        Assert.Equal(traveller, hub);
        Assert.Single(new RuleKeyMatcher(indexer).Pairs(traveller, hub));
    }

    [Fact]
    public void Two_air_loyalty_records_with_one_id_match_and_a_hotel_one_does_not()
    {
        var indexer = new RuleIndexer(DefaultRuleSets.Rules);
        var air1 = indexer.Index(R.Profile(), R.Object("air_loyalty", ("id", "FF98765"), ("program_name", "")));
        var air2 = indexer.Index(R.Profile(), R.Object("air_loyalty", ("id", " ff98765"), ("program_name", "SkyMiles")));
        var hotel = indexer.Index(R.Profile(), R.Object("hotel_loyalty", ("id", "FF98765")));

        Assert.Equal([new RuleIndexKey(1, "ff98765", "ff98765")], air1);
        Assert.Single(new RuleKeyMatcher(indexer).Pairs(air1, air2));
        Assert.Equal([new RuleIndexKey(2, "ff98765", "ff98765")], hotel);
        Assert.Empty(new RuleKeyMatcher(indexer).Pairs(air1, hotel));
    }
}
