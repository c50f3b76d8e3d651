using System.Globalization;
using System.Numerics;

namespace Upt.Streaming.Kinesis.Streams;

/// <summary>Kinesis sequence numbers are decimal strings up to 128 bits: compare them as integers, never as text.</summary>
internal static class SequenceNumbers
{
    public static int Compare(string a, string b) =>
        BigInteger.Parse(a, NumberStyles.None, CultureInfo.InvariantCulture)
            .CompareTo(BigInteger.Parse(b, NumberStyles.None, CultureInfo.InvariantCulture));

    /// <summary>The later of two sequence numbers; null counts as "nothing yet".</summary>
    public static string? Max(string? a, string? b) =>
        a is null ? b : b is null ? a : Compare(a, b) >= 0 ? a : b;

    /// <summary>The numeric suffix of a shard id (<c>shardId-000000000007</c> → 7), or null when there is none.</summary>
    public static long? ShardNumber(string shardId)
    {
        var dash = shardId.LastIndexOf('-');
        return long.TryParse(shardId.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
