namespace Upt.Rules.Tests;

/// <summary>One case per validation rule of upt-core §3.2, plus Upt's additions (templates, indexes, limits, hybrids).</summary>
public sealed class ValidationTests
{
    private static readonly Condition ProfileName = R.Match("_profile", "LastName");

    private static IReadOnlyList<string> Validate(params Rule[] rules) => RuleSetValidator.Validate(rules);

    private static void AssertOnly(string expected, params Rule[] rules) => Assert.Equal([expected], Validate(rules));

    [Fact]
    public void Good_rule_sets_pass()
    {
        Assert.Empty(Validate(
            R.Rule(0, R.SkipValue("_profile", "PersonalEmailAddress", ConditionOps.EqualsValue, ""), R.Match("_profile", "FirstName"), ProfileName),
            R.Rule(1, R.Match("_profile", "Address.PostalCode"), R.Match("_profile", "{{.FirstName}} {{.LastName}}")),
            R.Rule(2, R.SkipFields("air_booking", "booker_id", ConditionOps.NotEqualsField, "air_booking", "traveller_id"),
                R.Match("air_booking", "booking_id", "clickstream", "booking_id"), R.Within("air_booking", "clickstream", 5)),
            R.Rule(3, R.Match("_profile", "{{.FirstName}} {{.LastName}}", "_profile", "Attributes.cc_name"))));
        Assert.Empty(RuleSetValidator.Validate(DefaultRuleSets.Rules));
    }

    [Fact]
    public void At_most_ten_thousand_rules()
    {
        var rules = Enumerable.Range(0, 10_001).Select(i => R.Rule(i, ProfileName)).ToArray();

        Assert.Equal(["too many rules: 10001, at most 10000 are allowed"], RuleSetValidator.Validate(rules));
        Assert.Empty(RuleSetValidator.Validate(rules[..10_000]));
    }

    [Fact]
    public void Indexes_must_be_zero_to_n_minus_one()
    {
        Assert.Equal(["rule 1: index is 2, but rule indexes must be 0..n-1 in order (expected 1)"], Validate(R.Rule(0, ProfileName), R.Rule(2, ProfileName)));
    }

    [Fact]
    public void At_most_one_hundred_conditions_per_rule()
    {
        AssertOnly("rule 0: too many conditions: 101, at most 100 are allowed", R.Rule(0, Enumerable.Repeat(ProfileName, 101).ToArray()));
        Assert.Empty(Validate(R.Rule(0, Enumerable.Repeat(ProfileName, 100).ToArray())));
    }

    [Fact]
    public void Incoming_type_and_field_are_required()
    {
        AssertOnly("rule 0 condition 1: incoming object type and field are required", R.Rule(0, ProfileName, R.Match("_profile", "")));
    }

    [Fact]
    public void The_incoming_type_must_exist()
    {
        AssertOnly("rule 0 condition 0: object type 'booking' does not exist", R.Rule(0, R.Match("booking", "booking_id")));
    }

    [Fact]
    public void The_condition_type_must_be_valid()
    {
        AssertOnly("rule 0 condition 1: invalid condition type 'exclude' (expected match, filter, skip)",
            R.Rule(0, ProfileName, ProfileName with { ConditionType = "exclude" }));
    }

    [Fact]
    public void Skip_field_must_exist()
    {
        AssertOnly("rule 0 condition 0: field 'Email' does not exist in object type '_profile'",
            R.Rule(0, R.SkipValue("_profile", "Email", ConditionOps.EqualsValue, ""), ProfileName));
    }

    [Fact]
    public void Skip_op_is_required_and_must_be_a_skip_op()
    {
        AssertOnly("rule 0 condition 0: op is required for skip conditions", R.Rule(0, R.SkipValue("_profile", "Gender", "", "x"), ProfileName));
        AssertOnly("rule 0 condition 0: invalid op 'within_seconds' for a skip condition (expected equals, equals_value, not_equals, not_equals_value, matches_regexp)",
            R.Rule(0, R.SkipValue("_profile", "Gender", ConditionOps.WithinSeconds, "x"), ProfileName));
    }

    [Fact]
    public void Value_ops_need_a_string_value()
    {
        var skip = R.SkipValue("_profile", "Gender", ConditionOps.EqualsValue, "") with { SkipConditionValue = new RuleValue { ValueType = RuleValue.IntType } };

        AssertOnly("rule 0 condition 0: op 'equals_value' needs a skip condition value of type string", R.Rule(0, skip, ProfileName));
    }

    [Fact]
    public void A_regexp_must_compile()
    {
        AssertOnly("rule 0 condition 0: '(a' is not a valid regular expression",
            R.Rule(0, R.SkipValue("_profile", "Gender", ConditionOps.MatchesRegexp, "(a"), ProfileName));
    }

    [Fact]
    public void Field_ops_need_a_valid_second_field()
    {
        AssertOnly("rule 0 condition 0: op 'equals' needs incoming object type 2 and field 2",
            R.Rule(0, R.SkipFields("_profile", "FirstName", ConditionOps.EqualsField, "", ""), ProfileName));
        AssertOnly("rule 0 condition 0: object type 'pnr' does not exist",
            R.Rule(0, R.SkipFields("_profile", "FirstName", ConditionOps.EqualsField, "pnr", "x"), ProfileName));
        AssertOnly("rule 0 condition 0: field 'Surname' does not exist in object type '_profile'",
            R.Rule(0, R.SkipFields("_profile", "FirstName", ConditionOps.EqualsField, "_profile", "Surname"), ProfileName));
    }

    [Fact]
    public void A_match_field_must_be_a_column()
    {
        AssertOnly("rule 0 condition 0: field 'Surname' does not exist in object type '_profile'", R.Rule(0, R.Match("_profile", "Surname")));
    }

    [Fact]
    public void A_match_template_needs_balanced_braces()
    {
        AssertOnly("rule 0 condition 0: template '{{.FirstName} {{.LastName}}' has unbalanced braces", R.Rule(0, R.Match("_profile", "{{.FirstName} {{.LastName}}")));
        AssertOnly("rule 0 condition 0: template '{{.FirstName}} {{.LastName' has unbalanced braces", R.Rule(0, R.Match("_profile", "{{.FirstName}} {{.LastName")));
    }

    [Fact]
    public void A_match_template_needs_dot_placeholders_of_mapped_fields()
    {
        AssertOnly("rule 0 condition 0: template '{{FirstName}}': placeholder '{{FirstName}}' must name a field as {{.Field}}", R.Rule(0, R.Match("_profile", "{{FirstName}}")));
        AssertOnly("rule 0 condition 0: template '{{.First}} {{.LastName}}': field 'First' does not exist in object type '_profile'",
            R.Rule(0, R.Match("_profile", "{{.First}} {{.LastName}}")));
    }

    [Fact]
    public void Existing_type_and_field_go_together()
    {
        AssertOnly("rule 0 condition 0: existing object type and field must both be set or both be empty", R.Rule(0, R.Match("_profile", "LastName", "_profile", "")));
        AssertOnly("rule 0 condition 0: existing object type and field must both be set or both be empty", R.Rule(0, R.Match("_profile", "LastName", "", "FirstName")));
    }

    [Fact]
    public void The_existing_type_must_exist_and_its_field_be_a_column_or_template()
    {
        AssertOnly("rule 0 condition 0: object type 'purchase' does not exist", R.Rule(0, R.Match("air_booking", "cc_name", "purchase", "cc_name")));
        AssertOnly("rule 0 condition 0: field 'bookingId' does not exist in object type 'clickstream'", R.Rule(0, R.Match("air_booking", "booking_id", "clickstream", "bookingId")));
    }

    [Fact]
    public void Filter_op_must_be_within_seconds()
    {
        AssertOnly("rule 0 condition 1: filter op must be 'within_seconds', got 'equals'",
            R.Rule(0, R.Match("air_booking", "booking_id", "clickstream", "booking_id"), R.Within("air_booking", "clickstream", 5) with { Op = ConditionOps.EqualsField }));
    }

    [Fact]
    public void Filter_fields_must_be_timestamp()
    {
        AssertOnly("rule 0 condition 1: filter incoming and existing fields must both be 'timestamp'",
            R.Rule(0, R.Match("air_booking", "booking_id", "clickstream", "booking_id"), R.Within("air_booking", "clickstream", 5) with { ExistingObjectField = "last_updated" }));
    }

    [Fact]
    public void Filter_existing_type_must_exist()
    {
        Assert.Equal(["rule 0 condition 1: object type 'web' does not exist", "rule 0 condition 1: filter on (air_booking, web) has no match condition between the same object types"],
            Validate(R.Rule(0, R.Match("air_booking", "booking_id", "clickstream", "booking_id"), R.Within("air_booking", "web", 5))));
    }

    [Fact]
    public void Filter_value_must_be_a_non_negative_int()
    {
        AssertOnly("rule 0 condition 1: filter condition value must be an int >= 0",
            R.Rule(0, R.Match("air_booking", "booking_id", "clickstream", "booking_id"), R.Within("air_booking", "clickstream", -1)));
        AssertOnly("rule 0 condition 1: filter condition value must be an int >= 0",
            R.Rule(0, R.Match("air_booking", "booking_id", "clickstream", "booking_id"),
                R.Within("air_booking", "clickstream", 5) with { FilterConditionValue = new RuleValue { ValueType = RuleValue.StringType, StringValue = "5" } }));
    }

    [Fact]
    public void Filter_types_must_pair_like_a_match()
    {
        AssertOnly("rule 0 condition 1: filter on (clickstream, air_booking) has no match condition between the same object types",
            R.Rule(0, R.Match("air_booking", "booking_id", "clickstream", "booking_id"), R.Within("clickstream", "air_booking", 5)));
    }

    [Fact]
    public void A_rule_needs_a_match_condition()
    {
        AssertOnly("rule 0: at least one match condition is required", R.Rule(0, R.SkipValue("_profile", "Gender", ConditionOps.EqualsValue, "")));
    }

    [Fact]
    public void Hybrid_rules_are_refused()
    {
        AssertOnly("rule 0: mixes _profile and object-level conditions; hybrid rules are deprecated since UPT 2.1.1, split it into a profile-level and an object-level rule",
            R.Rule(0, ProfileName, R.Match("air_booking", "booking_id")));
    }

    [Fact]
    public void Every_profile_field_is_usable_including_addresses_and_attributes()
    {
        string[] expected = ["Address.City", "BillingAddress.PostalCode", "MailingAddress.Country", "ShippingAddress.Address1", "BusinessName", "MiddleName", "Attributes.loyalty_id", "EmailAddress"];

        Assert.All(expected, f => Assert.Contains(f, RuleFieldCatalog.ProfileFields));
        Assert.Empty(Validate(expected.Select((f, i) => R.Rule(i, R.Match("_profile", f))).ToArray()));
    }
}
