using Upt.Rules;

namespace Upt.Grains.Domains;

/// <summary>A domain's persisted state (Orleans ADO.NET grain storage). The CLR name is part of the stored format.</summary>
[GenerateSerializer, Alias("upt.domain-state")]
public sealed class DomainState
{
    [Id(0)] public bool Exists { get; set; }

    [Id(1)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Holds the active rule set too (<see cref="DomainSettings.ActiveRuleSet"/>), so ingestion gets it with the settings.</summary>
    [Id(2)] public DomainSettings Settings { get; set; } = new();

    /// <summary>The draft rule set, or null.</summary>
    [Id(3)] public RuleSet? DraftRuleSet { get; set; }

    /// <summary>Formerly active rule sets (<c>v&lt;N&gt;</c>), oldest first.</summary>
    [Id(4)] public List<RuleSet> RuleSetHistory { get; set; } = [];

    /// <summary>
    /// The summary prompt (UPT's <c>promptConfig</c>); null until one is saved. Kept here, not in
    /// <see cref="DomainSettings"/>, which travels with every ingestion call, while only the summary route reads it.
    /// </summary>
    [Id(5)] public PromptConfig? Prompt { get; set; }
}
