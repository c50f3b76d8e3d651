namespace Upt.Matching.Scoring;

/// <summary>The outcome of comparing two candidates.</summary>
/// <param name="Score">Posterior probability of the same person, 0–1.</param>
/// <param name="Details">Per-field evidence, for review screens and diagnostics.</param>
public sealed record MatchScore(double Score, IReadOnlyList<FieldComparison> Details)
{
    /// <summary>Total evidence in bits (sum of the detail weights, location capped).</summary>
    public double Bits { get; init; }
}
