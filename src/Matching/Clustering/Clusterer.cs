namespace Upt.Matching.Clustering;

/// <summary>
/// Groups items into clusters from scored pairs (batch passes and evaluation): union-find over pairs at or above the
/// threshold, strongest pairs first, with an optional guard against chaining.
/// </summary>
public static class Clusterer
{
    /// <summary>
    /// Cluster label per item (the smallest item index of its cluster). With <paramref name="crossScore"/> given, two
    /// clusters are joined only if no pair across them scores below <paramref name="guardThreshold"/>, so a chain of
    /// near-threshold links cannot join two records that plainly disagree.
    /// </summary>
    public static int[] Cluster(int count, IEnumerable<ScoredPair> pairs, double threshold, Func<int, int, double>? crossScore = null, double guardThreshold = 0)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var parent = Enumerable.Range(0, count).ToArray();
        var members = new List<int>?[count];

        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }

        List<int> Members(int root) => members[root] ??= [root];

        foreach (var pair in pairs.Where(p => p.Score >= threshold).OrderByDescending(p => p.Score))
        {
            int ra = Find(pair.A), rb = Find(pair.B);
            if (ra == rb)
            {
                continue;
            }

            if (crossScore is not null && !Compatible(Members(ra), Members(rb), crossScore, guardThreshold))
            {
                continue;
            }

            var (keep, gone) = ra < rb ? (ra, rb) : (rb, ra);
            Members(keep).AddRange(Members(gone));
            members[gone] = null;
            parent[gone] = keep;
        }

        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            labels[i] = Find(i);
        }

        return labels;
    }

    private static bool Compatible(List<int> a, List<int> b, Func<int, int, double> score, double guard)
    {
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (score(x, y) < guard)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
