namespace Upt.Grains;

/// <summary>One page of a domain's match pairs awaiting review, and how many there are over all pages.</summary>
[GenerateSerializer, Immutable, Alias("upt.match-pair-list")]
public sealed record MatchPairList(
    [property: Id(0)] IReadOnlyList<MatchPairEntry> Pairs,
    [property: Id(1)] long Total);
