using System.Text.Json.Serialization;

namespace Upt.Api.Contracts;

/// <summary>One location of a privacy search with its own status (Upt addition).</summary>
public sealed record PrivacyLocationStatusView(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("location")] string Location,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("errorMessage")] string ErrorMessage);
