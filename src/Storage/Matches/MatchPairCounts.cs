namespace Upt.Storage;

/// <summary>A domain's stored match pairs.</summary>
/// <param name="ToReview">Pairs awaiting review (not false positives).</param>
/// <param name="FalsePositives">Pairs marked false positive.</param>
public sealed record MatchPairCounts(long ToReview, long FalsePositives)
{
    /// <summary>Every stored pair of the domain.</summary>
    public long Total => ToReview + FalsePositives;
}
