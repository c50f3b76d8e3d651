namespace Upt.Api.OpenApi;

/// <summary>An example request body (JSON; null when the route takes none) and successful answer of one route.</summary>
internal sealed record UcpExample(string? Request, string Response);
