namespace Upt.Grains;

/// <summary>UPT's <c>promptConfig</c>: the domain's instructions for profile summaries, and whether summaries are on.</summary>
[GenerateSerializer, Immutable, Alias("upt.prompt-config")]
public sealed record PromptConfig(
    [property: Id(0)] string Value,
    [property: Id(1)] bool IsActive)
{
    /// <summary>The configuration of a domain that never saved one: no prompt, summaries off.</summary>
    public static PromptConfig Inactive { get; } = new("", false);
}
