namespace Upt.Rules.Tests;

/// <summary>The asymmetric pairing of stored and incoming keys (upt-core §3.5).</summary>
public sealed class PairingTests
{
    private static readonly Rule[] CrossType = [R.Rule(0, R.Match("booking", "booking_id", "clickstream", "booking_id"))];

    [Fact]
    public void A_booking_finds_a_stored_clickstream_and_the_reverse()
    {
        var indexer = new RuleIndexer(CrossType);
        var matcher = new RuleKeyMatcher(indexer);
        var booking = indexer.Index(R.Profile(), R.Object("booking", ("booking_id", "B1X")));
        var click = indexer.Index(R.Profile(), R.Object("clickstream", ("booking_id", "b1x ")));

        Assert.Equal([new RuleKeyPair(booking[0], click[0])], matcher.Pairs(booking, click));
        Assert.Equal([new RuleKeyPair(click[0], booking[0])], matcher.Pairs(click, booking));
        Assert.Equal(new RuleKeyProbe(0, RuleKeyColumn.Value2, "b1x"), booking[0].Probe);
        Assert.Equal(new RuleKeyProbe(0, RuleKeyColumn.Value1, "b1x"), click[0].Probe);
    }

    [Fact]
    public void Two_bookings_do_not_match_under_a_cross_type_rule()
    {
        var indexer = new RuleIndexer(CrossType);
        var a = indexer.Index(R.Profile(), R.Object("booking", ("booking_id", "B1X")));
        var b = indexer.Index(R.Profile(), R.Object("booking", ("booking_id", "B1X")));

        Assert.Empty(new RuleKeyMatcher(indexer).Pairs(a, b));
    }

    [Fact]
    public void Same_field_keys_find_each_other_only_under_the_same_rule()
    {
        var indexer = new RuleIndexer([R.Rule(0, R.Match("_profile", "LastName")), R.Rule(1, R.Match("_profile", "FirstName"))]);
        var a = indexer.Index(R.Profile(("LastName", "Doe"), ("FirstName", "Ann")));
        var b = indexer.Index(R.Profile(("LastName", "DOE"), ("FirstName", "Doe")));

        var pairs = new RuleKeyMatcher(indexer).Pairs(a, b);

        Assert.Equal([new RuleKeyPair(new RuleIndexKey(0, "doe", "doe"), new RuleIndexKey(0, "doe", "doe"))], pairs);
    }

    [Fact]
    public void Within_seconds_keeps_stored_keys_inside_the_window_inclusive()
    {
        var rules = new[] { R.Rule(0, R.Match("booking", "booking_id", "clickstream", "booking_id"), R.Within("booking", "clickstream", 5)) };
        var indexer = new RuleIndexer(rules);
        var matcher = new RuleKeyMatcher(indexer);
        var booking = indexer.Index(R.Profile(), R.Object("booking", ("booking_id", "B1X"), ("timestamp", "2024-03-01 10:00:00.000")))[0];

        RuleIndexKey Click(string ts) => indexer.Index(R.Profile(), R.Object("clickstream", ("booking_id", "B1X"), ("timestamp", ts))).Single();

        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero), booking.Timestamp);
        Assert.True(matcher.Matches(booking, Click("2024-03-01 10:00:05.000")));
        Assert.True(matcher.Matches(booking, Click("2024-03-01 09:59:55.000")));
        Assert.False(matcher.Matches(booking, Click("2024-03-01 10:00:05.001")));
        Assert.False(matcher.Matches(booking, Click("2024-03-01 09:59:54.999")));
    }

    [Fact]
    public void Last_updated_is_the_time_when_there_is_no_timestamp_and_rules_without_a_window_carry_none()
    {
        var rules = new[]
        {
            R.Rule(0, R.Match("booking", "booking_id", "clickstream", "booking_id"), R.Within("booking", "clickstream", 5)),
            R.Rule(1, R.Match("booking", "booking_id")),
        };

        var keys = R.Index(rules, [], R.Object("booking", ("booking_id", "B1X"), ("last_updated", "2024-03-01T10:00:00.000000Z")));

        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero), keys[0].Timestamp);
        Assert.Null(keys[1].Timestamp);
    }
}
