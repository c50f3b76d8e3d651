namespace Upt.Rules;

/// <summary>An incoming key and a stored key that match under their rule.</summary>
public sealed record RuleKeyPair(RuleIndexKey Incoming, RuleIndexKey Stored);
