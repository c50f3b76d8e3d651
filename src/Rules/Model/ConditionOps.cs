namespace Upt.Rules;

/// <summary>Condition operators (<c>op</c>).</summary>
public static class ConditionOps
{
    /// <summary>Skip: field equals second field.</summary>
    public const string EqualsField = "equals";

    /// <summary>Skip: field equals the literal value.</summary>
    public const string EqualsValue = "equals_value";

    /// <summary>Skip: field differs from second field.</summary>
    public const string NotEqualsField = "not_equals";

    /// <summary>Skip: field differs from the literal value.</summary>
    public const string NotEqualsValue = "not_equals_value";

    /// <summary>Skip: field matches the regular expression in the literal value.</summary>
    public const string MatchesRegexp = "matches_regexp";

    /// <summary>Filter: timestamps at most the literal int value of seconds apart.</summary>
    public const string WithinSeconds = "within_seconds";

    /// <summary>All six.</summary>
    public static IReadOnlyList<string> All { get; } = [EqualsField, EqualsValue, NotEqualsField, NotEqualsValue, MatchesRegexp, WithinSeconds];
}
