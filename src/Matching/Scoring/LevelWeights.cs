namespace Upt.Matching.Scoring;

/// <summary>
/// Fellegi-Sunter m/u probabilities of one field per agreement level. m = P(level | same person),
/// u = P(level | different people); the evidence weight is log2(m/u) bits.
/// </summary>
/// <param name="Field">Field name shown in comparison details.</param>
/// <param name="Exact">(m, u) of equal values.</param>
/// <param name="High">(m, u) of typo-level differences; (0, 0) gives the level no weight.</param>
/// <param name="Partial">(m, u) of weak similarity; (0, 0) gives the level no weight.</param>
/// <param name="Disagree">(m, u) of different values.</param>
public sealed record LevelWeights(string Field, (double M, double U) Exact, (double M, double U) High, (double M, double U) Partial, (double M, double U) Disagree)
{
    /// <summary>The weight in bits of <paramref name="level"/>; 0 for <see cref="Agreement.Missing"/> (missing is no evidence).</summary>
    public double Weight(Agreement level) => level switch
    {
        Agreement.Exact => Bits(Exact),
        Agreement.High => Bits(High),
        Agreement.Partial => Bits(Partial),
        Agreement.Disagree => Bits(Disagree),
        _ => 0,
    };

    private static double Bits((double M, double U) p) => p.M <= 0 || p.U <= 0 ? 0 : Math.Log2(p.M / p.U);
}
