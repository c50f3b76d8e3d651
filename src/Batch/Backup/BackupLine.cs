using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Upt.Transforms.Envelope;

namespace Upt.Batch.Backup;

/// <summary>
/// A consumed record as one line of a backup file. A JSON object whose top-level <c>domain</c> is a valid domain name is
/// kept as consumed, so a batch job reads it as the envelope it is, with two exceptions. Raw line breaks are dropped
/// (valid JSON can hold them only as whitespace between tokens), so the line is JSON-equivalent to the record. And an
/// envelope without a usable <c>timestamp</c> or <c>uid</c> gets the values the ingest pipeline used in their place (the
/// arrival time; <c>tx_</c> and the start of the SHA-256 of the consumed bytes), as UPT's backup fills them in, so a
/// replay ingests exactly what the stream did and a time range finds it. Anything else (not JSON, not an object, no
/// valid domain) is wrapped into a JSON line of its own, its bytes as text or, when they are not UTF-8, as base64, and
/// filed under <see cref="BatchPaths.UnparsedFolder"/>.
/// </summary>
public readonly record struct BackupLine(string? Domain, byte[] Bytes)
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);
    // Leaves non-ASCII text as it is (JSON-equivalent either way); control characters and quotes are still escaped.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The line of <paramref name="record"/>.</summary>
    public static BackupLine Of(BackupRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var reason = Inspect(record.Data, out var domain, out var fallbacks);
        if (reason is not null)
        {
            return new BackupLine(null, Wrap(record, reason));
        }

        var data = record.Data;
        return fallbacks != Fallbacks.None ? new BackupLine(domain, WithFallbacks(record, fallbacks))
            : data.AsSpan().IndexOfAny((byte)'\n', (byte)'\r') >= 0 ? new BackupLine(domain, WithoutLineBreaks(data))
            : new BackupLine(domain, data);
    }

    /// <summary>Null when <paramref name="data"/> is a JSON object with a valid <c>domain</c>; else why it is not.</summary>
    private static string? Inspect(ReadOnlySpan<byte> data, out string? domain, out Fallbacks fallbacks)
    {
        domain = null;
        fallbacks = Fallbacks.None;
        try
        {
            // The same reader settings as the envelope parser: what it accepts is filed under its domain.
            var reader = new Utf8JsonReader(data);
            if (!reader.Read())
            {
                return "invalid JSON";
            }

            var isObject = reader.TokenType == JsonTokenType.StartObject;
            var (timestamp, uid) = (Fallbacks.Timestamp, Fallbacks.Uid);
            while (reader.Read())
            {
                // The last top-level property of a name counts, as for JsonElement.TryGetProperty, which the envelope
                // parser and batch jobs use.
                if (!isObject || reader.CurrentDepth != 1 || reader.TokenType != JsonTokenType.PropertyName)
                {
                    continue;
                }

                if (reader.ValueTextEquals("domain"u8))
                {
                    reader.Read();
                    domain = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else if (reader.ValueTextEquals("timestamp"u8))
                {
                    reader.Read();
                    timestamp = NeedsTimestamp(ref reader) ? Fallbacks.Timestamp : Fallbacks.None;
                }
                else if (reader.ValueTextEquals("uid"u8))
                {
                    reader.Read();
                    uid = reader.TokenType == JsonTokenType.Null || (reader.TokenType == JsonTokenType.String && reader.ValueSpan.IsEmpty)
                        ? Fallbacks.Uid
                        : Fallbacks.None;
                }
            }

            fallbacks = timestamp | uid;

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

    /// <summary>
    /// True when ingestion used the arrival time instead of this value: null or a string that is no date-time (the
    /// pipeline's parse). Another kind of value makes the envelope an error, which is kept as it is.
    /// </summary>
    private static bool NeedsTimestamp(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null
        || (reader.TokenType == JsonTokenType.String
            && !DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out _));

    /// <summary>The envelope, compact, with the values ingestion used in place of a missing timestamp or uid.</summary>
    private static byte[] WithFallbacks(BackupRecord record, Fallbacks fallbacks)
    {
        using var doc = JsonDocument.Parse(record.Data);
        var buffer = new ArrayBufferWriter<byte>(record.Data.Length + 96);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if ((fallbacks.HasFlag(Fallbacks.Timestamp) && property.NameEquals("timestamp")) || (fallbacks.HasFlag(Fallbacks.Uid) && property.NameEquals("uid")))
                {
                    continue;
                }

                property.WriteTo(writer);
            }

            if (fallbacks.HasFlag(Fallbacks.Timestamp))
            {
                writer.WriteString("timestamp", record.ArrivedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
            }

            if (fallbacks.HasFlag(Fallbacks.Uid))
            {
                // The transaction id ingestion derives from the consumed bytes when an envelope has no uid.
                writer.WriteString("uid", "tx_" + Convert.ToHexStringLower(SHA256.HashData(record.Data))[..32]);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
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
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
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

    [Flags]
    private enum Fallbacks
    {
        None = 0,
        Timestamp = 1,
        Uid = 2,
    }
}
