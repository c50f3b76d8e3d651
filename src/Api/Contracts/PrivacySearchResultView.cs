using System.Text.Json.Serialization;

namespace Upt.Api.Contracts;

/// <summary>
/// A privacy search as UPT shows it. <see cref="LocationResults"/> (type → locations) only on the single-search read,
/// where Upt adds <see cref="Locations"/>: each location with its own status and error.
/// </summary>
public sealed record PrivacySearchResultView
{
    [JsonPropertyName("domainName")] public required string DomainName { get; init; }

    [JsonPropertyName("connectId")] public required string ConnectId { get; init; }

    [JsonPropertyName("status")] public required string Status { get; init; }

    [JsonPropertyName("errorMessage")] public required string ErrorMessage { get; init; }

    [JsonPropertyName("searchDate")] public required DateTimeOffset SearchDate { get; init; }

    [JsonPropertyName("totalResultsFound")] public required int TotalResultsFound { get; init; }

    [JsonPropertyName("txId")] public required string TxId { get; init; }

    [JsonPropertyName("locationResults"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? LocationResults { get; init; }

    [JsonPropertyName("locations"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<PrivacyLocationStatusView>? Locations { get; init; }
}
