using System.Text.Json.Serialization;

namespace Upt.Api.Contracts;

/// <summary>The body of <c>POST /api/ucp/unmerge</c>: <c>{"unmergeRq": {...}}</c>.</summary>
public sealed record UnmergeBody
{
    [JsonPropertyName("unmergeRq")] public UnmergeRequestBody? UnmergeRq { get; init; }
}

/// <summary>
/// What to take out of which profile: <c>toUnmergeConnectID</c>, or an interaction (object id and type) whose
/// traveller's original profile is taken out.
/// </summary>
public sealed record UnmergeRequestBody
{
    [JsonPropertyName("mergedIntoConnectID")] public string? MergedIntoConnectId { get; init; }

    [JsonPropertyName("toUnmergeConnectID")] public string? ToUnmergeConnectId { get; init; }

    [JsonPropertyName("interactionToUnmerge")] public string? InteractionToUnmerge { get; init; }

    [JsonPropertyName("interactionType")] public string? InteractionType { get; init; }

    [JsonPropertyName("unmergeContext")] public MergeContextBody? UnmergeContext { get; init; }
}
