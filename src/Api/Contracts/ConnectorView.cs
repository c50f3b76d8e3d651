using System.Text.Json.Serialization;

namespace Upt.Api.Contracts;

/// <summary>UPT's industry connector entry: name, deployment status, linked domains. Upt deploys none; the shape is for clients.</summary>
public sealed record ConnectorView(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("linkedDomains")] IReadOnlyList<string> LinkedDomains);
