using System.Text;

namespace Upt.Batch.Lines;

/// <summary>A line's bytes as text for an error record.</summary>
public static class LineText
{
    private static readonly UTF8Encoding Strict = new(false, true);

    /// <summary>The line as UTF-8 text, or <c>base64:...</c> when it is not valid UTF-8 (as the Kinesis path keeps such records).</summary>
    public static string Of(byte[] line)
    {
        ArgumentNullException.ThrowIfNull(line);
        try
        {
            return Strict.GetString(line);
        }
        catch (DecoderFallbackException)
        {
            return "base64:" + Convert.ToBase64String(line);
        }
    }
}
