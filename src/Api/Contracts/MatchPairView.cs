using System.Text.Json.Serialization;

namespace Upt.Api.Contracts;

/// <summary>
/// A match pair as UPT's search lists it (<c>matchPairs[]</c>): its Go record's keys, <c>domain_sourceProfileId</c>
/// = <c>&lt;domain&gt;_&lt;source id&gt;</c>, <c>match_targetProfileId</c> = <c>match_&lt;target id&gt;</c>, the score as
/// text, <c>runId</c> always <c>latest</c>. Upt adds <c>sourceProfileID</c> (UPT's clients cut it out of the first key)
/// and <c>source</c> (<c>ai</c> or <c>import</c>). Names are left out when the caller may not see them.
/// </summary>
public sealed record MatchPairView
{
    [JsonPropertyName("domain_sourceProfileId")] public required string DomainSourceProfileId { get; init; }

    [JsonPropertyName("match_targetProfileId")] public required string MatchTargetProfileId { get; init; }

    [JsonPropertyName("sourceProfileID")] public required string SourceProfileId { get; init; }

    [JsonPropertyName("targetProfileID")] public required string TargetProfileId { get; init; }

    [JsonPropertyName("domain")] public required string Domain { get; init; }

    [JsonPropertyName("score")] public required string Score { get; init; }

    [JsonPropertyName("profileDataDiff")] public required IReadOnlyList<MatchDiffView> ProfileDataDiff { get; init; }

    [JsonPropertyName("runId")] public string RunId { get; init; } = "latest";

    [JsonPropertyName("scoreTargetId")] public required string ScoreTargetId { get; init; }

    [JsonPropertyName("mergeInProgress")] public required bool MergeInProgress { get; init; }

    [JsonPropertyName("falsePositive")] public required bool FalsePositive { get; init; }

    [JsonPropertyName("source")] public required string Source { get; init; }

    [JsonPropertyName("firstNameS"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? FirstNameS { get; init; }

    [JsonPropertyName("lastNameS"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? LastNameS { get; init; }

    [JsonPropertyName("firstNameT"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? FirstNameT { get; init; }

    [JsonPropertyName("lastNameT"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? LastNameT { get; init; }
}
