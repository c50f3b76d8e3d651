namespace Upt.Rules;

/// <summary>
/// A lookup into stored keys: those of rule <paramref name="RuleIndex"/> whose <paramref name="Column"/> equals
/// <paramref name="Value"/>. Storage can index keys under both values and answer probes without scanning.
/// </summary>
public readonly record struct RuleKeyProbe(int RuleIndex, RuleKeyColumn Column, string Value);
