using System.Runtime.CompilerServices;

namespace Upt.Batch.Lines;

/// <summary>
/// Reads lines of UTF-8 text from a stream with a bounded buffer, so a file of any size is read in constant memory and a
/// line without an end (or a binary file) cannot exhaust memory: past <c>maxLineBytes</c> the rest of the line is skipped.
/// Accepts LF and CRLF line breaks and a UTF-8 byte-order mark.
/// </summary>
public static class JsonlLineReader
{
    /// <summary>How many bytes of an over-long line are kept, to show in its error record.</summary>
    public const int TooLongPrefixBytes = 1024;

    private const int BufferBytes = 64 * 1024;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>The non-blank lines of <paramref name="stream"/>, numbered from 1 (blank lines count but are not returned).</summary>
    public static async IAsyncEnumerable<BatchLine> ReadAsync(Stream stream, int maxLineBytes, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1);
        var buffer = new byte[BufferBytes];
        var line = new MemoryStream();
        var tooLong = false;
        var number = 0;
        long position = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var start = 0;
            while (start < read)
            {
                var newline = Array.IndexOf(buffer, (byte)'\n', start, read - start);
                var end = newline < 0 ? read : newline;
                Append(line, buffer.AsSpan(start, end - start), maxLineBytes, ref tooLong);
                position += (newline < 0 ? read : newline + 1) - start;
                start = end + 1;
                if (newline >= 0)
                {
                    number++;
                    if (Take(line, number, position, ref tooLong) is { } complete)
                    {
                        yield return complete;
                    }
                }
            }
        }

        if (line.Length > 0 || tooLong)
        {
            number++;
            if (Take(line, number, position, ref tooLong) is { } last)
            {
                yield return last;
            }
        }
    }

    private static void Append(MemoryStream line, ReadOnlySpan<byte> bytes, int maxLineBytes, ref bool tooLong)
    {
        if (tooLong)
        {
            return;
        }

        if (line.Length + bytes.Length > maxLineBytes)
        {
            // Keep only the start of the line (for the error record); the rest is skipped up to the line break.
            tooLong = true;
            line.SetLength(Math.Min(line.Length, TooLongPrefixBytes));
            var keep = (int)(TooLongPrefixBytes - line.Length);
            line.Write(bytes[..Math.Min(keep, bytes.Length)]);
            return;
        }

        line.Write(bytes);
    }

    private static BatchLine? Take(MemoryStream line, int number, long position, ref bool tooLong)
    {
        var bytes = line.ToArray();
        line.SetLength(0);
        var cut = tooLong;
        tooLong = false;
        var span = bytes.AsSpan();
        if (number == 1 && span.StartsWith(Utf8Bom))
        {
            span = span[3..];
        }

        if (!cut && span.Length > 0 && span[^1] == (byte)'\r')
        {
            span = span[..^1];
        }

        if (!cut && span.Trim(" \t\r"u8).IsEmpty)
        {
            return null;
        }

        return new BatchLine(number, span.Length == bytes.Length ? bytes : span.ToArray(), position, cut);
    }
}
