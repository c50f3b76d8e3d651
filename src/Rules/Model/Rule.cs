using System.Text.Json.Serialization;

namespace Upt.Rules;

/// <summary>One identity-resolution rule: all its conditions must hold for two records to be linked.</summary>
[GenerateSerializer, Immutable, Alias("upt.rules.rule")]
public sealed record Rule
{
    /// <summary>The rule's id and position in its set (0..n-1: batch re-resolution uses it as an array position).</summary>
    [Id(0), JsonPropertyName("index")] public int Index { get; init; }

    [Id(1), JsonPropertyName("name")] public string Name { get; init; } = "";

    [Id(2), JsonPropertyName("description")] public string Description { get; init; } = "";

    /// <summary>Skip, match and filter conditions; at least one match.</summary>
    [Id(3), JsonPropertyName("conditions")] public IReadOnlyList<Condition> Conditions { get; init; } = [];
}
