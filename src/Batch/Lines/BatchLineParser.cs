using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Upt.Batch.Lines;

/// <summary>
/// Reads one line of a batch file. A line is either a UPT ingestion envelope (a JSON object with <c>objectType</c> and
/// <c>data</c>, as Kinesis carries), passed on unchanged, or (for a job with an object type) a bare business object of
/// that type, wrapped into an envelope. Everything the pipeline would misfile (another domain, another type, an object
/// whose type is unknown) is an error here; everything else is left to the pipeline's own validation.
/// </summary>
public static class BatchLineParser
{
    /// <summary>The <c>objectType</c> of errors that do not tell their type (as the envelope parser names it).</summary>
    public const string UnknownType = "unknown";

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <summary>Reads <paramref name="line"/> against the job and file of <paramref name="context"/>.</summary>
    public static ParsedLine Parse(BatchLine line, LineContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fallbackType = context.ObjectType ?? UnknownType;
        if (line.TooLong)
        {
            return ParsedLine.Fail($"line {line.Number} is longer than the limit and was not read", fallbackType, context.SourceId);
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(line.Data, Options);
        }
        catch (JsonException ex)
        {
            return ParsedLine.Fail($"invalid JSON: {ex.Message}", fallbackType, context.SourceId);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ParsedLine.Fail($"a line must be a JSON object, got {Kind(root)}", fallbackType, context.SourceId);
            }

            return root.TryGetProperty("objectType", out var type) && root.TryGetProperty("data", out var data)
                ? Envelope(line.Data, root, type, data, context)
                : BareObject(line.Data, root, context);
        }
    }

    /// <summary>The envelope timestamp of an object from a file of <paramref name="date"/>: midnight UTC, in UPT's format.</summary>
    public static string TimestampOf(DateOnly date) =>
        date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00.000000Z";

    /// <summary>A name-based UUID of <paramref name="sourceId"/>: the same line gets the same uid on every run.</summary>
    public static string UidOf(string sourceId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(sourceId));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }

    private static ParsedLine Envelope(byte[] bytes, JsonElement root, JsonElement type, JsonElement data, LineContext context)
    {
        if (type.ValueKind != JsonValueKind.String)
        {
            return ParsedLine.Fail($"envelope objectType must be a string, got {Kind(type)}", context.ObjectType ?? UnknownType, context.SourceId);
        }

        var objectType = type.GetString()!;
        var domain = root.TryGetProperty("domain", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : "";
        if (!string.Equals(domain, context.Domain, StringComparison.Ordinal))
        {
            return ParsedLine.Fail($"envelope domain '{domain}' is not the job's domain '{context.Domain}'", objectType, context.SourceId);
        }

        if (context.ObjectType is not null && !string.Equals(objectType, context.ObjectType, StringComparison.Ordinal))
        {
            return ParsedLine.Fail($"envelope objectType '{objectType}' is not the job's object type '{context.ObjectType}'", objectType, context.SourceId);
        }

        var key = TravellerKeys.Of(objectType, data) ?? context.SourceId;
        var hasTimestamp = root.TryGetProperty("timestamp", out var stamp) && stamp.ValueKind != JsonValueKind.Null
                           && !(stamp.ValueKind == JsonValueKind.String && stamp.GetString()!.Length == 0);
        return hasTimestamp
            ? ParsedLine.Record(bytes, objectType, key, ParseTimestamp(stamp))
            : ParsedLine.Record(WithTimestamp(root, context.FileDate), objectType, key);
    }

    /// <summary>The timestamp as the ingest pipeline reads it (no offset means UTC); null when it does not parse.</summary>
    private static DateTimeOffset? ParseTimestamp(JsonElement stamp) =>
        stamp.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(stamp.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t
            : null;

    private static ParsedLine BareObject(byte[] bytes, JsonElement root, LineContext context)
    {
        if (context.ObjectType is null)
        {
            return ParsedLine.Fail(
                "cannot tell the object type: the line is a bare business object, not an envelope (objectType and data), and the job has no object type",
                UnknownType, context.SourceId);
        }

        var buffer = new ArrayBufferWriter<byte>(bytes.Length + 256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("objectType", context.ObjectType);
            writer.WriteString("modelVersion", "1.0");
            writer.WritePropertyName("data");
            writer.WriteRawValue(bytes, skipInputValidation: true);
            writer.WriteString("domain", context.Domain);
            writer.WriteString("mode", "");
            writer.WriteString("timestamp", TimestampOf(context.FileDate));
            writer.WriteString("uid", UidOf(context.SourceId));
            writer.WriteEndObject();
        }

        return ParsedLine.Record(buffer.WrittenSpan.ToArray(), context.ObjectType, TravellerKeys.Of(context.ObjectType, root) ?? context.SourceId);
    }

    /// <summary>The envelope with the file's day as its timestamp, so that re-runs apply the same values (never the time of the run).</summary>
    private static byte[] WithTimestamp(JsonElement root, DateOnly date)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in root.EnumerateObject())
            {
                if (property.NameEquals("timestamp"))
                {
                    continue;
                }

                property.WriteTo(writer);
            }

            writer.WriteString("timestamp", TimestampOf(date));
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "object",
    };
}
