namespace Upt.Rules;

/// <summary>Size limits of a rule set (upt-surface §6.4).</summary>
public static class RuleSetLimits
{
    /// <summary>Rules per set.</summary>
    public const int MaxRules = 10_000;

    /// <summary>Conditions per rule.</summary>
    public const int MaxConditionsPerRule = 100;
}
