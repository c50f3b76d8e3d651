namespace Upt.Grains;

/// <summary>The profiles a probe found (never the caller), or that the value is saturated and links nothing.</summary>
[GenerateSerializer, Immutable, Alias("upt.rule-link-result")]
public sealed record RuleLinkResult(
    [property: Id(0)] IReadOnlyList<string> Matches,
    [property: Id(1)] bool Saturated)
{
    public static RuleLinkResult None { get; } = new([], false);
}
