namespace Upt.Cli.MatchEval;

/// <summary>
/// Pairwise precision and recall over records in O(n): pairs are counted per true cluster, per predicted cluster and
/// per (true, predicted) cell as n(n-1)/2, instead of comparing every two records.
/// </summary>
internal static class PairwiseMetrics
{
    /// <summary>Scores <paramref name="records"/>, each with its true cluster and the cluster it was put in.</summary>
    public static PairwiseScores Compute(IEnumerable<(string Truth, string Predicted)> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var truth = new Dictionary<string, long>(StringComparer.Ordinal);
        var predicted = new Dictionary<string, long>(StringComparer.Ordinal);
        var cells = new Dictionary<(string, string), long>();
        foreach (var (t, p) in records)
        {
            truth[t] = truth.GetValueOrDefault(t) + 1;
            predicted[p] = predicted.GetValueOrDefault(p) + 1;
            cells[(t, p)] = cells.GetValueOrDefault((t, p)) + 1;
        }

        return new PairwiseScores(Pairs(truth.Values), Pairs(predicted.Values), Pairs(cells.Values));
    }

    private static long Pairs(IEnumerable<long> sizes) => sizes.Sum(n => n * (n - 1) / 2);
}
