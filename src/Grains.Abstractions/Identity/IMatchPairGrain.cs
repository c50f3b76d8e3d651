namespace Upt.Grains;

/// <summary>
/// The review side of fuzzy matching (upt-core §3.11): a domain's stored match pairs as the API lists them, and the
/// operator's "these are different travellers". Key: the domain. A pair whose profile was merged away or deleted is
/// stale; reads drop and delete such pairs, so a listing only ever shows pairs of two live profiles.
/// </summary>
[Alias("upt.IMatchPairGrain")]
public interface IMatchPairGrain : IGrainWithStringKey
{
    /// <summary>Page <paramref name="page"/> (from 0) of the pairs awaiting review, best score first, with both profiles' fields; false positives are left out.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The page is negative, the size below 1, or the page reaches past 100,000 pairs.</exception>
    [Alias("List")]
    ValueTask<MatchPairList> ListAsync(int page, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>
    /// The pairs awaiting review of the profile <paramref name="profileId"/> currently is (an old id is followed to its
    /// survivor), best score first, each oriented with that profile as the source; empty when the profile does not exist.
    /// </summary>
    [Alias("ForProfile")]
    ValueTask<IReadOnlyList<MatchPairEntry>> ForProfileAsync(string profileId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks the current profiles of the two ids as different travellers: the pair leaves the review list, is never merged
    /// automatically, and stays marked when scored again. A pair not scored yet is stored marked, with its score.
    /// </summary>
    [Alias("MarkFalsePositive")]
    ValueTask<FalsePositiveOutcome> MarkFalsePositiveAsync(string profileId, string otherProfileId, CancellationToken cancellationToken = default);
}
