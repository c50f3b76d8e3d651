using System.Text.Json.Serialization;

namespace Upt.Api.Contracts;

/// <summary>UPT's <c>domainSetting</c>: the summary prompt and the auto-merge threshold.</summary>
public sealed record DomainSettingView(
    [property: JsonPropertyName("promptConfig")] PromptConfigView PromptConfig,
    [property: JsonPropertyName("matchConfig")] MatchConfigView MatchConfig);

/// <summary>The prompt profile summaries use, and whether summaries are on.</summary>
public sealed record PromptConfigView(
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("isActive")] bool IsActive);

/// <summary>The auto-merge threshold (0.00–0.99), and whether auto-merge is on.</summary>
public sealed record MatchConfigView(
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("isActive")] bool IsActive);
