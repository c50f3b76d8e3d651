using System.Text.Json.Serialization;

namespace Upt.Api.Contracts;

/// <summary>
/// A match candidate on the 360 view (<c>matches[]</c>, UPT's shape): the other profile of a review pair with its score
/// as <c>confidence</c>. Fields the caller may not see are left out.
/// </summary>
public sealed record MatchCandidateView
{
    [JsonPropertyName("confidence")] public required double Confidence { get; init; }

    [JsonPropertyName("id")] public required string Id { get; init; }

    [JsonPropertyName("firstName"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? FirstName { get; init; }

    [JsonPropertyName("lastName"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? LastName { get; init; }

    [JsonPropertyName("birthDate"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? BirthDate { get; init; }

    [JsonPropertyName("phone"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Phone { get; init; }

    [JsonPropertyName("email"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Email { get; init; }
}
