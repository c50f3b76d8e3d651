namespace Upt.Matching.Similarity;

/// <summary>Fuzzy similarity of two bags of words (address lines), robust to word order, typos and split/joined words.</summary>
public static class TokenSimilarity
{
    /// <summary>Words at least this Jaro-Winkler-similar count as the same word.</summary>
    public const double WordThreshold = 0.88;

    /// <summary>
    /// Symmetric soft overlap: the share of words on each side that have a close partner on the other (averaged over
    /// both sides, so a missing line costs half). Also compares the concatenated words, which catches split and
    /// joined words ("flemington markets" / "flemingtonmarkets"). 1 for equal bags, 0 when either is empty.
    /// </summary>
    public static double Similarity(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var soft = (Covered(a, b) + Covered(b, a)) / 2.0;
        var joined = JaroWinkler.Similarity(string.Concat(a), string.Concat(b));
        var sortedJoined = JaroWinkler.Similarity(string.Concat(a.Order(StringComparer.Ordinal)), string.Concat(b.Order(StringComparer.Ordinal)));
        return Math.Max(soft, Math.Max(joined, sortedJoined) >= 0.95 ? Math.Max(joined, sortedJoined) : 0);
    }

    private static double Covered(IReadOnlyList<string> from, IReadOnlyList<string> to)
    {
        var covered = 0;
        foreach (var word in from)
        {
            foreach (var other in to)
            {
                if (JaroWinkler.Similarity(word, other) >= WordThreshold)
                {
                    covered++;
                    break;
                }
            }
        }

        return (double)covered / from.Count;
    }
}
