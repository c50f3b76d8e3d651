using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Upt.Transforms.Envelope;

namespace Upt.Batch.Backup;

/// <summary>
/// A consumed record as one line of a backup file. A JSON object whose top-level <c>domain</c> is a valid domain name is
/// kept as consumed, so a batch job reads it as the envelope it is; only raw line breaks are dropped, which valid JSON
/// can hold only as whitespace between tokens, so the line is JSON-equivalent to the record. Anything else (not JSON,
/// not an object, no valid domain) is wrapped into a JSON line of its own, its bytes as text or, when they are not UTF-8,
/// as base64, and filed under <see cref="BatchPaths.UnparsedFolder"/>.
/// </summary>
/// <param name="Domain">The envelope's domain; null for a record filed as unparsed.</param>
/// <param name="Bytes">The line without its line break.</param>
public readonly record struct BackupLine(string? Domain, byte[] Bytes)
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);
    private static readonly JsonWriterOptions WrapperOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The line of <paramref name="record"/>.</summary>
    public static BackupLine Of(BackupRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var reason = Inspect(record.Data, out var domain);
        if (reason is not null)
        {
            return new BackupLine(null, Wrap(record, reason));
        }

        var data = record.Data;
        return new BackupLine(domain, data.AsSpan().IndexOfAny((byte)'\n', (byte)'\r') < 0 ? data : WithoutLineBreaks(data));
    }

    /// <summary>Null when <paramref name="data"/> is a JSON object with a valid <c>domain</c>; else why it is not.</summary>
    private static string? Inspect(ReadOnlySpan<byte> data, out string? domain)
    {
        domain = null;
        try
        {
            // The same reader settings as the envelope parser: what it accepts is filed under its domain.
            var reader = new Utf8JsonReader(data);
            if (!reader.Read())
            {
                return "invalid JSON";
            }

            var isObject = reader.TokenType == JsonTokenType.StartObject;
            while (reader.Read())
            {
                // The last top-level "domain" counts, as for JsonElement.TryGetProperty, which batch jobs use.
                if (isObject && reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("domain"u8))
                {
                    reader.Read();
                    domain = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
            }

            return !isObject ? "not a JSON object"
                : domain is null ? "no domain"
                : DomainName.Validate(domain) is null ? null
                : "invalid domain";
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return "invalid JSON";
        }
    }

    private static byte[] WithoutLineBreaks(byte[] data)
    {
        var result = new byte[data.Length];
        var length = 0;
        foreach (var b in data)
        {
            if (b is not ((byte)'\n' or (byte)'\r'))
            {
                result[length++] = b;
            }
        }

        return result[..length];
    }

    private static byte[] Wrap(BackupRecord record, string reason)
    {
        var buffer = new ArrayBufferWriter<byte>(record.Data.Length + 160);
        using (var writer = new Utf8JsonWriter(buffer, WrapperOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("sequenceNumber", record.SequenceNumber);
            writer.WriteString("arrivedAt", record.ArrivedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
            writer.WriteString("reason", reason);
            string? text;
            try
            {
                text = StrictUtf8.GetString(record.Data);
            }
            catch (DecoderFallbackException)
            {
                text = null;
            }

            if (text is not null)
            {
                writer.WriteString("text", text);
            }
            else
            {
                writer.WriteBase64String("base64", record.Data);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
