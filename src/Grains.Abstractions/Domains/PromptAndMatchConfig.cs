namespace Upt.Grains;

/// <summary>UPT's <c>domainSetting</c>: the summary prompt and the auto-merge threshold of a domain.</summary>
[GenerateSerializer, Immutable, Alias("upt.prompt-and-match-config")]
public sealed record PromptAndMatchConfig(
    [property: Id(0)] PromptConfig Prompt,
    [property: Id(1)] MatchConfig Match);
