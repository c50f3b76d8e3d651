using Upt.Storage;

namespace Upt.Grains.Rules;

/// <summary>
/// Rule-index keys as rows of <c>upt_lookups</c>: kind <c>rulep:{version}:{rule}:{column}</c> for profile-level
/// rules (derived from the fields, replaced as they change) and <c>ruleo:...</c> for object-level rules (they
/// belong to objects, so they move with the objects when profiles merge). The version in the kind keeps the keys
/// of an earlier rule set from ever matching the keys of a new one.
/// </summary>
public static class RuleLookups
{
    public const string ProfilePrefix = "rulep:";
    public const string ObjectPrefix = "ruleo:";

    /// <summary>The lookup kind of one column of a rule.</summary>
    public static string Kind(bool profileLevel, int version, int ruleIndex, int column) =>
        $"{(profileLevel ? ProfilePrefix : ObjectPrefix)}{version}:{ruleIndex}:{column}";

    /// <summary>The rows a key is stored as (one per non-empty value).</summary>
    public static IEnumerable<LookupRow> Rows(RuleKeyRef key, bool profileLevel)
    {
        if (key.Value1.Length > 0)
        {
            yield return new LookupRow(Kind(profileLevel, key.Version, key.RuleIndex, 1), key.Value1);
        }

        if (key.Value2.Length > 0)
        {
            yield return new LookupRow(Kind(profileLevel, key.Version, key.RuleIndex, 2), key.Value2);
        }
    }

    /// <summary>True for rows of profile-level rule keys.</summary>
    public static bool IsProfileRuleRow(LookupRow row) => row.Kind.StartsWith(ProfilePrefix, StringComparison.Ordinal);

    /// <summary>True for rows of object-level rule keys.</summary>
    public static bool IsObjectRuleRow(LookupRow row) => row.Kind.StartsWith(ObjectPrefix, StringComparison.Ordinal);
}
