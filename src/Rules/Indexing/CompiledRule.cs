namespace Upt.Rules;

/// <summary>A rule ready for indexing: skips, match sides and the time window of its filters.</summary>
internal sealed class CompiledRule
{
    public CompiledRule(Rule rule)
    {
        Index = rule.Index;
        var conditions = rule.Conditions ?? [];
        Skips = conditions.Where(c => c.ConditionType == ConditionTypes.Skip).Select(c => new CompiledSkip(c)).ToArray();
        Matches = conditions.Where(c => c.ConditionType == ConditionTypes.Match).Select(c =>
        {
            var incoming = new FieldRef(c.IncomingObjectType, c.IncomingObjectField);
            var existing = c.ExistingObjectType.Length > 0 ? new FieldRef(c.ExistingObjectType, c.ExistingObjectField) : incoming;
            return (incoming, existing, c.IndexNormalization);
        }).ToArray();
        var windows = conditions
            .Where(c => c.ConditionType == ConditionTypes.Filter && c.Op == ConditionOps.WithinSeconds)
            .Select(c => TimeSpan.FromSeconds(Math.Max(0, c.FilterConditionValue.IntValue)))
            .ToList();
        // Several windows are ANDed in UPT's match query: the narrowest decides.
        Window = windows.Count > 0 ? windows.Min() : null;
        Types = conditions.SelectMany(c => new[] { c.IncomingObjectType, c.IncomingObjectType2, c.ExistingObjectType })
            .Where(t => t.Length > 0).ToHashSet(StringComparer.Ordinal);
    }

    public int Index { get; }

    public CompiledSkip[] Skips { get; }

    public (FieldRef Incoming, FieldRef Existing, IndexNormalization? Normalization)[] Matches { get; }

    public TimeSpan? Window { get; }

    public HashSet<string> Types { get; }

    /// <summary>Every condition is on <c>_profile</c> (hybrids are refused at save time, so anything else is object-level).</summary>
    public bool IsProfileLevel => Types.Count > 0 && Types.All(t => t == RuleObjectTypes.Profile);
}
