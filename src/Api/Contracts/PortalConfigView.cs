using System.Text.Json.Serialization;

namespace Upt.Api.Contracts;

/// <summary>UPT's <c>portalConfig</c>: the domain's hyperlink templates (request body of the save, and the answer of both routes).</summary>
public sealed record PortalConfigView([property: JsonPropertyName("hyperlinkMappings")] IReadOnlyList<HyperlinkMappingView> HyperlinkMappings);

/// <summary>One hyperlink template: <c>fieldName</c> of <c>accpObject</c> records links to <c>hyperlinkTemplate</c>.</summary>
public sealed record HyperlinkMappingView(
    [property: JsonPropertyName("accpObject")] string AccpObject,
    [property: JsonPropertyName("fieldName")] string FieldName,
    [property: JsonPropertyName("hyperlinkTemplate")] string HyperlinkTemplate);
