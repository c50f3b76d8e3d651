using Upt.Rules;

namespace Upt.Grains.CacheRules;

/// <summary>A domain's persisted cache rule sets (Orleans ADO.NET grain storage). The CLR name is part of the stored format.</summary>
[GenerateSerializer, Alias("upt.cache-rule-set-state")]
public sealed class CacheRuleSetState
{
    [Id(0)] public RuleSet? Active { get; set; }

    [Id(1)] public RuleSet? Draft { get; set; }

    [Id(2)] public List<RuleSet> History { get; set; } = [];
}
