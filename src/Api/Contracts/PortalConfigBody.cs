using System.Text.Json.Serialization;

namespace Upt.Api.Contracts;

/// <summary>The body of <c>POST /api/ucp/portalConfig</c>: UPT's request envelope with <c>portalConfig</c>.</summary>
public sealed record PortalConfigBody([property: JsonPropertyName("portalConfig")] PortalConfigView PortalConfig);
