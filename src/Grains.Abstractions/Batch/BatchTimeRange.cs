using System.Globalization;

namespace Upt.Grains;

/// <summary>
/// The time range of a replay run: only files dated within its days are read, and of those only lines whose envelope
/// timestamp lies within it (inclusive) are ingested; lines without a timestamp are dated by their file alone.
/// </summary>
/// <param name="From">The first instant (UTC).</param>
/// <param name="To">The last instant (UTC), inclusive.</param>
[GenerateSerializer, Immutable, Alias("upt.batch-time-range")]
public sealed record BatchTimeRange(
    [property: Id(0)] DateTimeOffset From,
    [property: Id(1)] DateTimeOffset To)
{
    /// <summary>The first day whose files are read.</summary>
    public DateOnly FirstDay => DateOnly.FromDateTime(From.UtcDateTime);

    /// <summary>The last day whose files are read.</summary>
    public DateOnly LastDay => DateOnly.FromDateTime(To.UtcDateTime);

    /// <summary>True when <paramref name="timestamp"/> lies within the range.</summary>
    public bool Contains(DateTimeOffset timestamp) => timestamp >= From && timestamp <= To;

    /// <summary>
    /// Reads one end of a range: a date (<c>YYYY-MM-DD</c>, the start of that day for <paramref name="isEnd"/> false, its
    /// last instant for true) or an ISO 8601 date-time (<c>YYYY-MM-DDTHH:MM[:SS[.fff]]</c>, UTC unless it carries
    /// <c>Z</c> or an offset). False for anything else. Ranges are kept to the microsecond.
    /// </summary>
    public static bool TryParseBound(string? text, bool isEnd, out DateTimeOffset bound)
    {
        bound = default;
        if (text is null || text.Length < 10
            || !DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return false;
        }

        if (text.Length == 10)
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            // The last microsecond: instants are stored (PostgreSQL) and written (UPT timestamps) to the microsecond.
            bound = isEnd ? start.AddDays(1).AddTicks(-TimeSpan.TicksPerMicrosecond) : start;
            return true;
        }

        return text[10] == 'T'
               && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out bound);
    }

    /// <summary>An instant as the API shows range ends: ISO 8601 in UTC, without trailing zero fractions.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
