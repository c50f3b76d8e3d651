namespace Upt.Cli.MatchEval;

/// <summary>Pairwise figures of a clustering against the true one.</summary>
/// <param name="TruePairs">Record pairs of one true entity.</param>
/// <param name="PredictedPairs">Record pairs that share a profile.</param>
/// <param name="CorrectPairs">Pairs that are both.</param>
internal sealed record PairwiseScores(long TruePairs, long PredictedPairs, long CorrectPairs)
{
    /// <summary>Correct / predicted; 1 when nothing was linked (no wrong link was made).</summary>
    public double Precision => PredictedPairs == 0 ? 1 : (double)CorrectPairs / PredictedPairs;

    /// <summary>Correct / true; 1 when there is nothing to find.</summary>
    public double Recall => TruePairs == 0 ? 1 : (double)CorrectPairs / TruePairs;

    /// <summary>The harmonic mean of precision and recall; 0 when both are 0.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}
