namespace Upt.Matching;

/// <summary>Per-domain fuzzy-matching settings.</summary>
public sealed record MatchSettings
{
    /// <summary>
    /// Pairs scoring at least this are merged automatically (merge type ai, factor = score). 0.99 posterior under the
    /// model's 1-in-1,000 prior means ≈ 16.6 bits of net evidence: e.g. full name and birth date, or name and address
    /// with no contradiction. Chosen for precision, since a wrong merge is worse than a review.
    /// </summary>
    public double AutoMergeThreshold { get; init; } = 0.99;

    /// <summary>Pairs between this and <see cref="AutoMergeThreshold"/> are stored as match pairs for review (posterior ≥ 0.5: more likely than not).</summary>
    public double ReviewThreshold { get; init; } = 0.5;

    /// <summary>
    /// A block with more members than this is skipped and reported: a key shared by that many profiles is a
    /// placeholder or a very common value, and comparing inside it would be slow and over-link.
    /// </summary>
    public int MaxBlockSize { get; init; } = 50;

    /// <summary>
    /// Clustering guard: two clusters are not joined when any scored pair across them falls below this (explicit
    /// evidence of two people), which stops chains A~B~C from merging A with a clearly different C.
    /// </summary>
    public double ClusterGuardThreshold { get; init; } = 0.01;

    /// <summary>The defaults.</summary>
    public static MatchSettings Default { get; } = new();
}
