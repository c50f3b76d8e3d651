using System.Globalization;

namespace Upt.S3;

/// <summary>An inclusive byte range of an object for GetObject (<c>Range: bytes=From-To</c>).</summary>
public readonly record struct ByteRange
{
    /// <summary>Bytes <paramref name="from"/> to <paramref name="to"/> inclusive; a null <paramref name="to"/> means "to the end".</summary>
    public ByteRange(long from, long? to = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        if (to is { } end)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(end, from, nameof(to));
        }

        From = from;
        To = to;
    }

    /// <summary>The first byte (0-based).</summary>
    public long From { get; }

    /// <summary>The last byte (inclusive), or null for "to the end of the object".</summary>
    public long? To { get; }

    /// <summary>The <c>Range</c> header value, e.g. <c>bytes=0-99</c> or <c>bytes=100-</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"bytes={From}-{(To is { } end ? end.ToString(CultureInfo.InvariantCulture) : string.Empty)}");
}
