using System.Text.Json.Serialization;

namespace Upt.Api.Contracts;

/// <summary>UPT's merge context in a request: why two profiles merge (or, in an unmerge, who asked).</summary>
public sealed record MergeContextBody
{
    /// <summary><c>rule</c>, <c>ai</c> or <c>manual</c>.</summary>
    [JsonPropertyName("mergeType")] public string? MergeType { get; init; }

    /// <summary>Multiplied into the absorbed objects' confidence; for <c>ai</c>, the match score (0 to 1).</summary>
    [JsonPropertyName("confidenceUpdateFactor")] public double? ConfidenceUpdateFactor { get; init; }

    /// <summary>Who asked; the caller's token subject replaces it when there is one.</summary>
    [JsonPropertyName("operatorId")] public string? OperatorId { get; init; }

    /// <summary>The matching rule's index, for <c>rule</c> merges.</summary>
    [JsonPropertyName("ruleId")] public string? RuleId { get; init; }

    /// <summary>The rule set's version, for <c>rule</c> merges.</summary>
    [JsonPropertyName("ruleSetVersion")] public string? RuleSetVersion { get; init; }
}
