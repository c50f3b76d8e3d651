namespace Upt.Storage;

/// <summary>One page of match pairs and the number of pairs over all pages.</summary>
/// <param name="Pairs">The page, best score first.</param>
/// <param name="Total">Pairs of the listing over all pages.</param>
public sealed record MatchPairPage(IReadOnlyList<MatchPair> Pairs, long Total);
