namespace Upt.Rules.Tests;

/// <summary>The worked examples of upt-core §3.4 (TestIRIdentifyImpactedObjectTypes, TestIRSqlRequestGeneration, TestIRTable).</summary>
public sealed class WorkedExampleTests
{
    private static readonly Dictionary<string, string> JohnDoe = R.Profile(("FirstName", "John "), ("LastName", "Doe"));

    [Fact]
    public void Profile_first_and_last_name_without_existing_side_give_the_same_value_twice()
    {
        var keys = R.Index([R.Rule(0, R.Match("_profile", "FirstName"), R.Match("_profile", "LastName"))], JohnDoe);

        Assert.Equal([new RuleIndexKey(0, "john_doe", "john_doe")], keys);
    }

    [Fact]
    public void Hybrid_rule_appends_the_booking_id()
    {
        var rule = R.Rule(0, R.Match("_profile", "FirstName"), R.Match("_profile", "LastName"), R.Match("booking", "booking_id"));

        var keys = R.Index([rule], JohnDoe, R.Object("booking", ("booking_id", "B123456789")));

        Assert.Equal([new RuleIndexKey(0, "john_doe_b123456789", "john_doe_b123456789")], keys);
    }

    [Fact]
    public void First_and_last_name_inversion()
    {
        var rule = R.Rule(0, R.Match("_profile", "FirstName", "_profile", "LastName"), R.Match("_profile", "LastName", "_profile", "FirstName"));

        Assert.Equal([new RuleIndexKey(0, "john_doe", "doe_john")], R.Index([rule], JohnDoe));
    }

    [Fact]
    public void Cross_type_rule_gives_a_booking_the_first_value_only()
    {
        var rule = R.Rule(0, R.Match("booking", "booking_id", "clickstream", "booking_id"));

        Assert.Equal([new RuleIndexKey(0, "b123456789", "")], R.Index([rule], [], R.Object("booking", ("booking_id", "B123456789"))));
    }

    [Fact]
    public void Cross_type_rule_gives_a_clickstream_the_second_value_only()
    {
        var rule = R.Rule(0, R.Match("booking", "booking_id", "clickstream", "booking_id"));

        Assert.Equal([new RuleIndexKey(0, "", "b123456789")], R.Index([rule], [], R.Object("clickstream", ("booking_id", "B123456789"))));
    }

    [Fact]
    public void Skip_on_empty_email_gives_no_record()
    {
        var rule = R.Rule(0, R.SkipValue("_profile", "EmailAddress", ConditionOps.EqualsValue, ""), R.Match("_profile", "FirstName"), R.Match("_profile", "LastName"));

        Assert.Empty(R.Index([rule], JohnDoe));
        Assert.Equal([new RuleIndexKey(0, "john_doe", "john_doe")],
            R.Index([rule], R.Profile(("FirstName", "John"), ("LastName", "Doe"), ("PersonalEmailAddress", "john.doe@mail.org"))));
    }

    [Fact]
    public void Blank_first_name_gives_no_record()
    {
        var rule = R.Rule(0, R.Match("_profile", "FirstName"), R.Match("_profile", "LastName"));

        Assert.Empty(R.Index([rule], R.Profile(("FirstName", " "), ("LastName", "Doe"))));
    }

    [Fact]
    public void Booker_not_traveller_skips_exactly_the_rules_carrying_that_skip()
    {
        var skip = R.SkipFields("booking", "booker_id", ConditionOps.NotEqualsField, "booking", "traveler_id");
        Rule[] rules =
        [
            R.Rule(0, skip, R.Match("booking", "booking_id", "clickstream", "booking_id")),
            R.Rule(1, R.Match("booking", "booking_id")),
            R.Rule(2, R.Match("booking", "booking_id", "loyalty", "booking_id")),
            R.Rule(3, skip, R.Match("booking", "booking_id")),
        ];

        var notBooker = R.Index(rules, [], R.Object("booking", ("booking_id", "B1X"), ("booker_id", "P7A"), ("traveler_id", "P8B")));
        var booker = R.Index(rules, [], R.Object("booking", ("booking_id", "B1X"), ("booker_id", "P7A"), ("traveler_id", "P7A")));

        Assert.Equal([1, 2], notBooker.Select(k => k.RuleIndex));
        Assert.Equal([0, 1, 2, 3], booker.Select(k => k.RuleIndex));
    }

    [Fact]
    public void Name_template_matches_a_card_holder_name()
    {
        var rule = R.Rule(0, R.Match("_profile", "{{.FirstName}} {{.LastName}}", "purchase", "cc_name"));
        var indexer = new RuleIndexer([rule]);

        var profileKeys = indexer.Index(R.Profile(("FirstName", "John"), ("LastName", "Doe")));
        var purchaseKeys = indexer.Index(R.Profile(), R.Object("purchase", ("cc_name", "John Doe")));

        Assert.Equal([new RuleIndexKey(0, "john doe", "")], profileKeys);
        Assert.Equal([new RuleIndexKey(0, "", "john doe")], purchaseKeys);
        Assert.True(new RuleKeyMatcher(indexer).Matches(purchaseKeys[0], profileKeys[0]));
    }

    [Fact]
    public void Address_fields_resolve_to_their_values()
    {
        var rule = R.Rule(0, R.Match("_profile", "Address.PostalCode"), R.Match("_profile", "BillingAddress.City"), R.Match("_profile", "BusinessName"));

        var keys = R.Index([rule], R.Profile(("Address.PostalCode", "SW1A 1AA"), ("BillingAddress.City", "London"), ("BusinessName", "Acme Ltd")));

        Assert.Equal([new RuleIndexKey(0, "sw1a 1aa_london_acme ltd", "sw1a 1aa_london_acme ltd")], keys);
    }

    [Fact]
    public void A_field_used_twice_on_one_side_counts_once()
    {
        var rule = R.Rule(0, R.Match("_profile", "LastName"), R.Match("_profile", "LastName", "_profile", "FirstName"));

        Assert.Equal([new RuleIndexKey(0, "doe", "doe_john")], R.Index([rule], JohnDoe));
    }

    [Fact]
    public void Object_of_another_type_gives_no_object_level_key()
    {
        var indexer = new RuleIndexer(DefaultRuleSets.Rules);

        Assert.Empty(indexer.Index(JohnDoe, R.Object("air_booking", ("booking_id", "B1X"))));
        Assert.True(indexer.Involves("alternate_profile_id"));
        Assert.False(indexer.Involves("air_booking"));
    }
}
