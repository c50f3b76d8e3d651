namespace Upt.Rules.Tests;

public sealed class SkipTests
{
    private static readonly Condition MatchBooking = R.Match("booking", "booking_id");

    [Fact]
    public void Matches_regexp_skips_matching_values_only()
    {
        var rules = new[] { R.Rule(0, R.SkipValue("booking", "channel", ConditionOps.MatchesRegexp, "^test-"), MatchBooking) };

        Assert.Empty(R.Index(rules, [], R.Object("booking", ("booking_id", "B1X"), ("channel", "test-web"))));
        Assert.Single(R.Index(rules, [], R.Object("booking", ("booking_id", "B1X"), ("channel", "web"))));
    }

    [Fact]
    public void An_invalid_regexp_does_not_skip()
    {
        var rules = new[] { R.Rule(0, R.SkipValue("booking", "channel", ConditionOps.MatchesRegexp, "(unclosed"), MatchBooking) };

        Assert.Equal([new RuleIndexKey(0, "b1x", "b1x")], R.Index(rules, [], R.Object("booking", ("booking_id", "B1X"), ("channel", "(unclosed"))));
    }

    [Fact]
    public void A_catastrophic_regexp_times_out_and_does_not_skip()
    {
        var rules = new[] { R.Rule(0, R.SkipValue("booking", "channel", ConditionOps.MatchesRegexp, "^(a+)+$"), MatchBooking) };
        var evil = new string('a', 40) + "!";

        Assert.Single(R.Index(rules, [], R.Object("booking", ("booking_id", "B1X"), ("channel", evil))));
    }

    [Fact]
    public void Not_equals_value_skips_other_values()
    {
        var rules = new[] { R.Rule(0, R.SkipValue("booking", "status", ConditionOps.NotEqualsValue, "confirmed"), MatchBooking) };

        Assert.Empty(R.Index(rules, [], R.Object("booking", ("booking_id", "B1X"), ("status", "cancelled"))));
        Assert.Single(R.Index(rules, [], R.Object("booking", ("booking_id", "B1X"), ("status", "confirmed"))));
    }

    [Fact]
    public void Int_values_compare_as_their_text()
    {
        var skip = R.SkipValue("booking", "pax", ConditionOps.EqualsValue, "") with
        {
            SkipConditionValue = new RuleValue { ValueType = RuleValue.IntType, IntValue = 0 },
        };
        var rules = new[] { R.Rule(0, skip, MatchBooking) };

        Assert.Empty(R.Index(rules, [], R.Object("booking", ("booking_id", "B1X"), ("pax", "0"))));
        Assert.Single(R.Index(rules, [], R.Object("booking", ("booking_id", "B1X"), ("pax", "2"))));
    }

    [Fact]
    public void A_skip_on_another_object_type_is_not_evaluated()
    {
        var rules = new[] { R.Rule(0, R.SkipValue("clickstream", "session_id", ConditionOps.EqualsValue, ""), MatchBooking) };

        Assert.Single(R.Index(rules, [], R.Object("booking", ("booking_id", "B1X"))));
    }
}
