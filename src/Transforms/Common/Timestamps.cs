using System.Globalization;
using System.Text.RegularExpressions;

namespace Upt.Transforms.Common;

/// <summary><c>last_updated</c> / <c>last_updated_partition</c> rules (UPT §3.5).</summary>
internal static partial class Timestamps
{
    /// <summary>Validates a non-empty source or falls back to the clock; returns (last_updated, partition).</summary>
    public static (string LastUpdated, string Partition) Resolve(string? source, TimeProvider clock)
    {
        if (string.IsNullOrEmpty(source))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            return (now.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
                now.ToString("yyyy-MM-dd-HH", CultureInfo.InvariantCulture));
        }

        var m = Strict().Match(source);
        if (!m.Success || !TryDate(m, out var at))
        {
            throw new TransformException(
                $"invalid last updated time: time data '{source}' does not match format '%Y-%m-%dT%H:%M:%S.%fZ'");
        }

        return (source, at.ToString("yyyy-MM-dd-HH", CultureInfo.InvariantCulture));
    }

    private static bool TryDate(Match m, out DateTime at)
    {
        at = default;
        int Part(int i) => int.Parse(m.Groups[i].ValueSpan, CultureInfo.InvariantCulture);
        var (y, mo, d, h, mi, s) = (Part(1), Part(2), Part(3), Part(4), Part(5), Part(6));
        if (y < 1 || mo is < 1 or > 12 || h > 23 || mi > 59 || s > 61 || d < 1 || d > DateTime.DaysInMonth(y, mo))
        {
            return false;
        }

        at = new DateTime(y, mo, d, h, 0, 0, DateTimeKind.Utc);
        return true;
    }

    // Python's strptime('%Y-%m-%dT%H:%M:%S.%fZ'): 4-digit year, 1–2 digit month/day/hour/minute/second, 1–6 fraction digits, literal Z.
    [GeneratedRegex(@"^(\d{4})-(\d{1,2})-(\d{1,2})T(\d{1,2}):(\d{1,2}):(\d{1,2})\.\d{1,6}Z$", RegexOptions.CultureInvariant)]
    private static partial Regex Strict();
}
