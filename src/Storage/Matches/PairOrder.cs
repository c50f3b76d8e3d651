using System.Text;

namespace Upt.Storage;

/// <summary>
/// The one order of a pair's two ids: UTF-8 byte order, which is what PostgreSQL's <c>"C"</c> collation of
/// <c>upt_match_pairs.profile_a/profile_b</c> compares (UTF-16 ordinal order differs above U+D7FF).
/// </summary>
internal static class PairOrder
{
    /// <summary>Negative when <paramref name="a"/> sorts before <paramref name="b"/>.</summary>
    public static int Compare(string a, string b) =>
        Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b));

    /// <summary>The two ids in stored order.</summary>
    public static (string A, string B) Of(string x, string y) => Compare(x, y) <= 0 ? (x, y) : (y, x);

    /// <summary>
    /// The write as stored: ids ordered, and the diff's source and target values swapped when the ids were.
    /// </summary>
    /// <exception cref="ArgumentException">An id is empty, the ids are equal, or the score is not a finite number.</exception>
    public static (string A, string B, double Score, IReadOnlyList<MatchFieldDiff> Diff, MatchPairSource Source) Normalise(MatchPairWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (string.IsNullOrEmpty(write.SourceProfileId) || string.IsNullOrEmpty(write.TargetProfileId))
        {
            throw new ArgumentException("A match pair needs two profile ids.", nameof(write));
        }

        var order = Compare(write.SourceProfileId, write.TargetProfileId);
        if (order == 0)
        {
            throw new ArgumentException("A profile cannot be paired with itself.", nameof(write));
        }

        if (!double.IsFinite(write.Score))
        {
            throw new ArgumentException("A match score must be a finite number.", nameof(write));
        }

        var diff = write.Diff ?? [];
        return order < 0
            ? (write.SourceProfileId, write.TargetProfileId, write.Score, diff, write.Source)
            : (write.TargetProfileId, write.SourceProfileId, write.Score, diff.Select(d => d with { SourceValue = d.TargetValue, TargetValue = d.SourceValue }).ToList(), write.Source);
    }
}
