using System.Text.Json.Serialization;

namespace Upt.Api.Contracts;

/// <summary>The body of <c>POST /api/ucp/promptConfig</c>: UPT's request envelope with <c>domainSetting</c>.</summary>
public sealed record DomainSettingBody([property: JsonPropertyName("domainSetting")] DomainSettingView DomainSetting);
