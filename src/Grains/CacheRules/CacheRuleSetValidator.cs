using Upt.Rules;

namespace Upt.Grains.CacheRules;

/// <summary>
/// A cache rule set is checked by <see cref="RuleSetValidator"/> with one difference: its rules hold skip conditions
/// only (UPT §1.2 #27), so every condition must be a skip and the identity rules' "one match condition" does not apply.
/// </summary>
internal static class CacheRuleSetValidator
{
    private const string NoMatchCondition = ": at least one match condition is required";

    /// <summary>Every problem found, in rule and condition order; empty when the rules can be saved.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<Rule> rules)
    {
        var errors = new List<string>();
        for (var i = 0; i < rules.Count; i++)
        {
            var conditions = rules[i].Conditions ?? [];
            if (conditions.Count == 0)
            {
                errors.Add($"rule {i}: at least one skip condition is required");
            }

            for (var j = 0; j < conditions.Count; j++)
            {
                if (conditions[j].ConditionType != ConditionTypes.Skip)
                {
                    errors.Add($"rule {i} condition {j}: cache rule sets hold skip conditions only, got '{conditions[j].ConditionType}'");
                }
            }
        }

        errors.AddRange(RuleSetValidator.Validate(rules).Where(e => !e.EndsWith(NoMatchCondition, StringComparison.Ordinal)));
        return errors;
    }
}
