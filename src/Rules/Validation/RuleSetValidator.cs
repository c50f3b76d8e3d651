using System.Text.RegularExpressions;

namespace Upt.Rules;

/// <summary>
/// Checks a rule set before it is saved, as UPT does (upt-core §3.2), plus: <c>{{.Field}}</c> templates are accepted
/// (UPT's validator wanted <c>{{Field}}</c>, a form its indexer never evaluates), indexes must be 0..n-1, conditions per
/// rule are capped, hybrid rules and invalid regular expressions are refused.
/// </summary>
public static class RuleSetValidator
{
    private static readonly string[] SkipOps =
        [ConditionOps.EqualsField, ConditionOps.EqualsValue, ConditionOps.NotEqualsField, ConditionOps.NotEqualsValue, ConditionOps.MatchesRegexp];

    /// <summary>Every problem found, in rule and condition order; empty when the rules can be saved.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<Rule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var errors = new List<string>();
        if (rules.Count > RuleSetLimits.MaxRules)
        {
            errors.Add($"too many rules: {rules.Count}, at most {RuleSetLimits.MaxRules} are allowed");
            return errors;
        }

        for (var i = 0; i < rules.Count; i++)
        {
            ValidateRule(rules[i], i, errors);
        }

        return errors;
    }

    private static void ValidateRule(Rule rule, int position, List<string> errors)
    {
        var where = $"rule {position}";
        if (rule.Index != position)
        {
            errors.Add($"{where}: index is {rule.Index}, but rule indexes must be 0..n-1 in order (expected {position})");
        }

        var conditions = rule.Conditions ?? [];
        if (conditions.Count > RuleSetLimits.MaxConditionsPerRule)
        {
            errors.Add($"{where}: too many conditions: {conditions.Count}, at most {RuleSetLimits.MaxConditionsPerRule} are allowed");
            return;
        }

        for (var j = 0; j < conditions.Count; j++)
        {
            ValidateCondition(conditions[j], $"{where} condition {j}", errors);
        }

        if (!conditions.Any(c => c.ConditionType == ConditionTypes.Match))
        {
            errors.Add($"{where}: at least one match condition is required");
        }

        // Unknown types are reported on their own; only real object types make a rule hybrid.
        var types = conditions.SelectMany(TypesOf).Where(RuleFieldCatalog.IsKnownType).ToList();
        if (types.Contains(RuleObjectTypes.Profile) && types.Any(t => t != RuleObjectTypes.Profile))
        {
            errors.Add($"{where}: mixes {RuleObjectTypes.Profile} and object-level conditions; hybrid rules are deprecated since UPT 2.1.1, "
                + "split it into a profile-level and an object-level rule");
        }

        var matchPairs = conditions.Where(c => c.ConditionType == ConditionTypes.Match)
            .Select(c => (c.IncomingObjectType, Existing: c.ExistingObjectType.Length > 0 ? c.ExistingObjectType : c.IncomingObjectType))
            .ToHashSet();
        foreach (var (filter, j) in conditions.Select((c, j) => (c, j)).Where(p => p.c.ConditionType == ConditionTypes.Filter))
        {
            if (!matchPairs.Contains((filter.IncomingObjectType, filter.ExistingObjectType)))
            {
                errors.Add($"{where} condition {j}: filter on ({filter.IncomingObjectType}, {filter.ExistingObjectType}) has no match condition between the same object types");
            }
        }
    }

    private static IEnumerable<string> TypesOf(Condition c) => [c.IncomingObjectType, c.IncomingObjectType2, c.ExistingObjectType];

    private static void ValidateCondition(Condition c, string where, List<string> errors)
    {
        if (c.IncomingObjectType.Length == 0 || c.IncomingObjectField.Length == 0)
        {
            errors.Add($"{where}: incoming object type and field are required");
            return;
        }

        if (!RuleFieldCatalog.IsKnownType(c.IncomingObjectType))
        {
            errors.Add($"{where}: object type '{c.IncomingObjectType}' does not exist");
            return;
        }

        switch (c.ConditionType)
        {
            case ConditionTypes.Skip:
                ValidateSkip(c, where, errors);
                break;
            case ConditionTypes.Match:
                ValidateMatch(c, where, errors);
                break;
            case ConditionTypes.Filter:
                ValidateFilter(c, where, errors);
                break;
            default:
                errors.Add($"{where}: invalid condition type '{c.ConditionType}' (expected {string.Join(", ", ConditionTypes.All)})");
                break;
        }
    }

    private static void ValidateSkip(Condition c, string where, List<string> errors)
    {
        if (!RuleFieldCatalog.IsField(c.IncomingObjectType, c.IncomingObjectField))
        {
            errors.Add($"{where}: field '{c.IncomingObjectField}' does not exist in object type '{c.IncomingObjectType}'");
        }

        if (c.Op.Length == 0)
        {
            errors.Add($"{where}: op is required for skip conditions");
            return;
        }

        if (!SkipOps.Contains(c.Op))
        {
            errors.Add($"{where}: invalid op '{c.Op}' for a skip condition (expected {string.Join(", ", SkipOps)})");
            return;
        }

        if (c.Op is ConditionOps.EqualsValue or ConditionOps.NotEqualsValue or ConditionOps.MatchesRegexp)
        {
            if (c.SkipConditionValue.ValueType != RuleValue.StringType)
            {
                errors.Add($"{where}: op '{c.Op}' needs a skip condition value of type string");
            }
            else if (c.Op == ConditionOps.MatchesRegexp && !IsRegex(c.SkipConditionValue.StringValue))
            {
                errors.Add($"{where}: '{c.SkipConditionValue.StringValue}' is not a valid regular expression");
            }

            return;
        }

        if (c.IncomingObjectType2.Length == 0 || c.IncomingObjectField2.Length == 0)
        {
            errors.Add($"{where}: op '{c.Op}' needs incoming object type 2 and field 2");
        }
        else if (!RuleFieldCatalog.IsKnownType(c.IncomingObjectType2))
        {
            errors.Add($"{where}: object type '{c.IncomingObjectType2}' does not exist");
        }
        else if (!RuleFieldCatalog.IsField(c.IncomingObjectType2, c.IncomingObjectField2))
        {
            errors.Add($"{where}: field '{c.IncomingObjectField2}' does not exist in object type '{c.IncomingObjectType2}'");
        }
    }

    private static void ValidateMatch(Condition c, string where, List<string> errors)
    {
        ValidateFieldOrTemplate(c.IncomingObjectType, c.IncomingObjectField, where, errors);
        if ((c.ExistingObjectType.Length == 0) != (c.ExistingObjectField.Length == 0))
        {
            errors.Add($"{where}: existing object type and field must both be set or both be empty");
            return;
        }

        if (c.ExistingObjectType.Length == 0)
        {
            return;
        }

        if (!RuleFieldCatalog.IsKnownType(c.ExistingObjectType))
        {
            errors.Add($"{where}: object type '{c.ExistingObjectType}' does not exist");
            return;
        }

        ValidateFieldOrTemplate(c.ExistingObjectType, c.ExistingObjectField, where, errors);
    }

    private static void ValidateFieldOrTemplate(string type, string field, string where, List<string> errors)
    {
        if (!RuleTemplate.IsTemplate(field))
        {
            if (!RuleFieldCatalog.IsField(type, field))
            {
                errors.Add($"{where}: field '{field}' does not exist in object type '{type}'");
            }

            return;
        }

        if (!RuleTemplate.TryParse(field, out var template, out var error))
        {
            errors.Add($"{where}: {error}");
            return;
        }

        foreach (var name in template!.Fields.Where(f => !RuleFieldCatalog.IsField(type, f)))
        {
            errors.Add($"{where}: template '{field}': field '{name}' does not exist in object type '{type}'");
        }
    }

    private static void ValidateFilter(Condition c, string where, List<string> errors)
    {
        if (c.Op != ConditionOps.WithinSeconds)
        {
            errors.Add($"{where}: filter op must be '{ConditionOps.WithinSeconds}', got '{c.Op}'");
        }

        if (c.IncomingObjectField != RuleObjectTypes.TimestampField || c.ExistingObjectField != RuleObjectTypes.TimestampField)
        {
            errors.Add($"{where}: filter incoming and existing fields must both be '{RuleObjectTypes.TimestampField}'");
        }

        if (!RuleFieldCatalog.IsKnownType(c.ExistingObjectType))
        {
            errors.Add($"{where}: object type '{c.ExistingObjectType}' does not exist");
        }

        if (c.FilterConditionValue.ValueType != RuleValue.IntType || c.FilterConditionValue.IntValue < 0)
        {
            errors.Add($"{where}: filter condition value must be an int >= 0");
        }
    }

    private static bool IsRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
