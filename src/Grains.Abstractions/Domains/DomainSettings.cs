using Upt.Rules;

namespace Upt.Grains;

/// <summary>A domain's configuration that ingestion needs on every record.</summary>
[GenerateSerializer, Immutable, Alias("upt.domain-settings")]
public sealed record DomainSettings
{
    /// <summary>Object-type ranks for profile-level field precedence: higher wins; unlisted types rank 0.</summary>
    [Id(0)] public IReadOnlyDictionary<string, int> ObjectTypePriority { get; init; } = new Dictionary<string, int>();

    /// <summary>Days to keep error records.</summary>
    [Id(1)] public int ErrorRetentionDays { get; init; } = 7;

    /// <summary>
    /// The active identity-resolution rule set (name <c>active</c>), or null when none: build a
    /// <see cref="RuleIndexer"/> from it. Owned by the domain grain: set through
    /// <see cref="IDomainGrain.ActivateRuleSetAsync"/>, kept as it is by <see cref="IDomainGrain.UpdateSettingsAsync"/>.
    /// </summary>
    [Id(2)] public RuleSet? ActiveRuleSet { get; init; }

    /// <summary>Over-merge guard and placeholder values for identity resolution.</summary>
    [Id(3)] public IdentitySettings Identity { get; init; } = new();

    /// <summary>Fuzzy matching: thresholds for review pairs and automatic merges.</summary>
    [Id(4)] public FuzzyMatchSettings Fuzzy { get; init; } = new();
}
