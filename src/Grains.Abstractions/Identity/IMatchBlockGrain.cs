namespace Upt.Grains;

/// <summary>
/// One fuzzy-matching block: the profiles that share a blocking key. Key: <c>{domain}/block/{blockKey}</c>
/// (<see cref="GrainKeys.MatchBlock"/>). Non-reentrant, so it is the one place where two profiles of the block meet:
/// of two profiles offered at once, the second always sees the first. Membership is stored and survives restarts.
/// </summary>
[Alias("upt.IMatchBlockGrain")]
public interface IMatchBlockGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds <paramref name="profileId"/> to the block (or replaces its candidate) and scores it against the other live
    /// members; returns those scoring at least <paramref name="minScore"/>. An over-full block compares nothing.
    /// </summary>
    [Alias("Offer")]
    ValueTask<BlockOffer> OfferAsync(string profileId, MatchInput input, double minScore, CancellationToken cancellationToken = default);

    /// <summary>Takes <paramref name="profileId"/> out of the block (its keys changed, or it was merged away or deleted).</summary>
    [Alias("Remove")]
    ValueTask RemoveAsync(string profileId, CancellationToken cancellationToken = default);
}
