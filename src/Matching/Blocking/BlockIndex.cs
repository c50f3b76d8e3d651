namespace Upt.Matching.Blocking;

/// <summary>
/// An in-memory index of blocking keys for batch passes and evaluation: which candidates share a key, the distinct
/// pairs to compare, and the blocks skipped for exceeding <see cref="MatchSettings.MaxBlockSize"/>.
/// </summary>
public sealed class BlockIndex
{
    private readonly Dictionary<string, List<int>> _blocks = new(StringComparer.Ordinal);

    /// <summary>Indexes <paramref name="candidates"/> by <see cref="BlockingKeys.For"/>.</summary>
    public BlockIndex(IReadOnlyList<MatchCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        for (var i = 0; i < candidates.Count; i++)
        {
            foreach (var key in BlockingKeys.For(candidates[i]))
            {
                if (!_blocks.TryGetValue(key, out var list))
                {
                    _blocks[key] = list = [];
                }

                list.Add(i);
            }
        }
    }

    /// <summary>Number of distinct keys.</summary>
    public int BlockCount => _blocks.Count;

    /// <summary>Keys with more members than <paramref name="maxBlockSize"/>, which <see cref="Pairs"/> skips.</summary>
    public IReadOnlyList<(string Key, int Size)> Oversized(int maxBlockSize) =>
        _blocks.Where(b => b.Value.Count > maxBlockSize).Select(b => (b.Key, b.Value.Count)).OrderByDescending(b => b.Count).ToArray();

    /// <summary>Distinct pairs (a &lt; b) that share at least one block of at most <paramref name="maxBlockSize"/> members.</summary>
    public IReadOnlyList<(int A, int B)> Pairs(int maxBlockSize)
    {
        var seen = new HashSet<long>();
        var pairs = new List<(int, int)>();
        foreach (var members in _blocks.Values)
        {
            if (members.Count < 2 || members.Count > maxBlockSize)
            {
                continue;
            }

            for (var i = 0; i < members.Count; i++)
            {
                for (var j = i + 1; j < members.Count; j++)
                {
                    var (a, b) = members[i] < members[j] ? (members[i], members[j]) : (members[j], members[i]);
                    if (a != b && seen.Add(((long)a << 32) | (uint)b))
                    {
                        pairs.Add((a, b));
                    }
                }
            }
        }

        return pairs;
    }
}
