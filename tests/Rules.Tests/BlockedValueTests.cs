using Upt.Matching;

namespace Upt.Rules.Tests;

/// <summary>A placeholder value makes a rule not apply, instead of linking every traveller who has it.</summary>
public sealed class BlockedValueTests
{
    [Theory]
    [InlineData("PersonalEmailAddress", "test@test.com")]
    [InlineData("PersonalEmailAddress", "noreply@airline.com")]
    [InlineData("LastName", "unknown")]
    [InlineData("LastName", "N/A")]
    [InlineData("LastName", "null")]
    [InlineData("LastName", "Anonymous")]
    [InlineData("LastName", "-1")]
    [InlineData("PhoneNumber", "0000000")]
    [InlineData("PhoneNumber", "+1 111 111 1111")]
    [InlineData("BirthDate", "1900-01-01")]
    [InlineData("Attributes.loyalty_id", "99999999")]
    [InlineData("Address.PostalCode", "00000")]
    public void A_placeholder_gives_no_key(string field, string value)
    {
        var rule = R.Rule(0, R.Match("_profile", field));

        Assert.Empty(R.Index([rule], R.Profile((field, value))));
    }

    [Fact]
    public void All_same_digit_values_are_blocked_whatever_the_field()
    {
        var rule = R.Rule(0, R.Match("booking", "reference"));

        Assert.Empty(R.Index([rule], [], R.Object("booking", ("reference", "555555"))));
        Assert.Equal([new RuleIndexKey(0, "555556", "555556")], R.Index([rule], [], R.Object("booking", ("reference", "555556"))));
    }

    [Fact]
    public void A_blocked_segment_stops_the_whole_rule_even_when_others_are_real()
    {
        var rule = R.Rule(0, R.Match("_profile", "LastName"), R.Match("_profile", "PersonalEmailAddress"));

        Assert.Empty(R.Index([rule], R.Profile(("LastName", "Doe"), ("PersonalEmailAddress", "test@test.com"))));
        Assert.Equal([new RuleIndexKey(0, "doe_jd@mail.org", "doe_jd@mail.org")],
            R.Index([rule], R.Profile(("LastName", "Doe"), ("PersonalEmailAddress", "JD@mail.org"))));
    }

    [Fact]
    public void A_template_with_a_missing_or_placeholder_part_gives_no_key()
    {
        var rule = R.Rule(0, R.Match("_profile", "{{.FirstName}} {{.LastName}}"));

        Assert.Empty(R.Index([rule], R.Profile(("FirstName", "John"))));
        Assert.Empty(R.Index([rule], R.Profile(("FirstName", "John"), ("LastName", "unknown"))));
    }

    [Fact]
    public void The_lists_are_configurable()
    {
        var rule = R.Rule(0, R.Match("_profile", "LastName"));
        var custom = new BlockedValues(["smith"], [], [], []);
        var profile = R.Profile(("LastName", "Smith"));

        Assert.Empty(new RuleIndexer([rule], custom).Index(profile));
        Assert.Equal([new RuleIndexKey(0, "smith", "smith")], new RuleIndexer([rule]).Index(profile));
        Assert.Equal([new RuleIndexKey(0, "unknown", "unknown")], new RuleIndexer([rule], custom).Index(R.Profile(("LastName", "unknown"))));
    }
}
