using System.Text.Json.Serialization;

namespace Upt.Api.Contracts;

/// <summary>UPT's <c>privacyPurgeStatus</c>: whether a purge is invoked or running in the domain.</summary>
public sealed record PrivacyPurgeStatusView(
    [property: JsonPropertyName("domainName")] string DomainName,
    [property: JsonPropertyName("isPurgeRunning")] bool IsPurgeRunning);
