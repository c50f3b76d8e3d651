namespace Upt.Rules;

/// <summary>Which value of a stored <see cref="RuleIndexKey"/> a probe compares.</summary>
public enum RuleKeyColumn
{
    /// <summary><see cref="RuleIndexKey.Value1"/>.</summary>
    Value1,

    /// <summary><see cref="RuleIndexKey.Value2"/>.</summary>
    Value2,
}
