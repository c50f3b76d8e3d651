using System.Text.Json.Serialization;

namespace Upt.Api.Contracts;

/// <summary>One entry of <c>interactionHistory</c>: the interaction's creation or a merge on its lineage (UPT's shape, empty strings for unset text).</summary>
public sealed record InteractionHistoryView(
    [property: JsonPropertyName("timestamp")] DateTimeOffset Timestamp,
    [property: JsonPropertyName("mergeType")] string MergeType,
    [property: JsonPropertyName("confidenceUpdateFactor")] double ConfidenceUpdateFactor,
    [property: JsonPropertyName("ruleId")] string RuleId,
    [property: JsonPropertyName("ruleSetVersion")] string RuleSetVersion,
    [property: JsonPropertyName("operatorId")] string OperatorId,
    [property: JsonPropertyName("toMergeConnectId")] string ToMergeConnectId,
    [property: JsonPropertyName("mergeIntoConnectId")] string MergeIntoConnectId);
