using System.Text.Json.Serialization;

namespace Upt.Rules;

/// <summary>A named set of identity-resolution rules (UPT's <c>RuleSet</c>): <c>draft</c>, <c>active</c> or a history version <c>v&lt;N&gt;</c>.</summary>
[GenerateSerializer, Immutable, Alias("upt.rules.rule-set")]
public sealed record RuleSet
{
    /// <summary><see cref="RuleSetNames.Draft"/>, <see cref="RuleSetNames.Active"/> or <c>v&lt;N&gt;</c>.</summary>
    [Id(0), JsonPropertyName("name")] public string Name { get; init; } = "";

    /// <summary>The rules; each rule's index is its position.</summary>
    [Id(1), JsonPropertyName("rules")] public IReadOnlyList<Rule> Rules { get; init; } = [];

    /// <summary>The version this set had when it was activated; 0 for a draft.</summary>
    [Id(2), JsonPropertyName("latestVersion")] public int LatestVersion { get; init; }

    /// <summary>When this set was activated; <see cref="DateTimeOffset.MinValue"/> for a draft.</summary>
    [Id(3), JsonPropertyName("lastActivationTimestamp")] public DateTimeOffset LastActivationTimestamp { get; init; }
}
