using System.Text.Json.Serialization;

namespace Upt.Api.Contracts;

/// <summary>The body of <c>POST /api/ucp/merge</c>: <c>{"mergeRq": [...]}</c>, 1 to 50 pairs.</summary>
public sealed record MergeBody
{
    [JsonPropertyName("mergeRq")] public IReadOnlyList<MergePairBody>? MergeRq { get; init; }
}

/// <summary>One pair to merge (or to flag as a false positive).</summary>
public sealed record MergePairBody
{
    [JsonPropertyName("source")] public string? Source { get; init; }

    [JsonPropertyName("target")] public string? Target { get; init; }

    /// <summary>UPT flags the pair in its match table instead of merging it; not supported by Upt's API yet.</summary>
    [JsonPropertyName("falsePositive")] public bool FalsePositive { get; init; }

    [JsonPropertyName("mergeContext")] public MergeContextBody? MergeContext { get; init; }
}
