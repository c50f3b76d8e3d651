using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Upt.Storage;
using Upt.Transforms;
using Upt.Transforms.Envelope;
using Upt.Transforms.Records;

namespace Upt.Grains.Ingest;

/// <summary>
/// Edge of the pipeline: envelope → business-object transform → flat records with their promoted
/// profile values. Anything rejected becomes an error record (never an exception, never dropped).
/// </summary>
internal static class RecordDecoder
{
    public const string IngestionErrorCategory = "ACP real time Ingestion error";


    public static DecodedRecord Decode(RawRecord raw, Func<string, DomainSettings?> settingsFor)
    {
        using var parsed = EnvelopeParser.Parse(raw.Data);
        if (!parsed.IsSuccess)
        {
            return Fail(raw, DomainOf(raw.Data), parsed.Error, null);
        }

        var envelope = parsed.Envelope;
        var txId = envelope.Uid is { Length: > 0 } uid ? uid : ContentId(raw.Data);
        if (settingsFor(envelope.Domain) is null)
        {
            return Fail(raw, envelope.Domain, new TransformError(IngestionErrorCategory, $"domain {envelope.Domain} does not exist", envelope.ObjectType, null), txId);
        }

        var clock = new FixedClock(ParseTimestamp(envelope.Timestamp) ?? raw.ArrivedAt);
        var result = BusinessObjectTransformer.Transform(envelope.ObjectType, envelope.Data, new TransformOptions(txId, clock));
        if (!result.IsSuccess)
        {
            return Fail(raw, envelope.Domain, result.Error, txId);
        }

        if (envelope.Mode == Transforms.Envelope.IngestMode.Merge && string.IsNullOrEmpty(envelope.MergeModeProfileId))
        {
            return Fail(raw, envelope.Domain, new TransformError(IngestionErrorCategory, "Cannot process merge case as mergeModeProfileId is empty", envelope.ObjectType, null), txId);
        }

        // PostgreSQL cannot store a NUL character: such a record would fail its profile write on every redelivery. Valid
        // JSON carries one (or a lone surrogate) only as a \u escape, so the records are walked only when the raw bytes hold one.
        if (MayHoldUnstorable(raw.Data)
            && result.AllRecords.Select(UnstorableField).FirstOrDefault(f => f is not null) is { } field)
        {
            return Fail(raw, envelope.Domain, new TransformError(IngestionErrorCategory,
                $"field {field} contains a NUL character (\\u0000), which cannot be stored; the business object was not ingested", envelope.ObjectType, null), txId);
        }

        var records = new List<IngestRecord>();
        var skipped = 0;
        foreach (var flat in result.AllRecords)
        {
            var type = flat[RecordFields.ObjectType]!.GetValue<string>();
            var mode = (Grains.IngestMode)(int)envelope.Mode;
            IReadOnlyList<string> partial = [];
            if (mode == Grains.IngestMode.Partial)
            {
                partial = PartialFieldsFor(envelope.PartialFields, type);
                if (partial.Count == 0)
                {
                    // The producer asked to update other record types only.
                    skipped++;
                    continue;
                }
            }
            else if (mode == Grains.IngestMode.Merge && type is not (FlatRecordTypes.GuestProfile or FlatRecordTypes.PaxProfile))
            {
                skipped++;
                continue;
            }

            records.Add(new IngestRecord
            {
                ObjectType = type,
                ObjectId = Text(flat[RecordFields.ObjectId]),
                TravellerId = Text(flat[RecordFields.TravellerId]),
                Json = flat.ToJsonString(),
                LastUpdated = ParseTimestamp(Text(flat[RecordFields.LastUpdated])),
                Promoted = Promote(type, flat),
                Mode = mode,
                PartialFields = partial,
                MergeIntoTravellerId = mode == Grains.IngestMode.Merge ? envelope.MergeModeProfileId : null,
                SourceId = raw.SourceId,
            });
        }

        return new DecodedRecord(envelope.Domain, records, null, skipped);
    }

    internal static IReadOnlyDictionary<string, string> Promote(string type, JsonObject flat)
    {
        var promoted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var mapping in ProfileFieldMap.For(type))
        {
            if (Text(flat[mapping.FlatField]) is { Length: > 0 } value)
            {
                promoted[mapping.ProfileField] = value;
            }
        }

        return promoted;
    }

    private static bool MayHoldUnstorable(ReadOnlySpan<byte> json) =>
        json.IndexOf("\\u0000"u8) >= 0 || json.IndexOf("\\ud"u8) >= 0 || json.IndexOf("\\uD"u8) >= 0;

    /// <summary>The first <c>type.field</c> of a flat record whose name or text holds a NUL character or a lone surrogate; null when none does.</summary>
    private static string? UnstorableField(JsonObject flat)
    {
        foreach (var (name, value) in flat)
        {
            if (StorableText.HasUnstorable(name) || Unstorable(value))
            {
                return $"{Text(flat[RecordFields.ObjectType])}.{StorableText.Clean(name)}";
            }
        }

        return null;
    }

    private static bool Unstorable(JsonNode? node) => node switch
    {
        JsonValue v => v.TryGetValue<string>(out var s) && StorableText.HasUnstorable(s),
        JsonObject o => o.Any(p => StorableText.HasUnstorable(p.Key) || Unstorable(p.Value)),
        JsonArray a => a.Any(Unstorable),
        _ => false,
    };

    private static List<string> PartialFieldsFor(IReadOnlyList<string> fields, string type)
    {
        var prefix = type + ".";
        return fields.Where(f => f.StartsWith(prefix, StringComparison.Ordinal)).Select(f => f[prefix.Length..]).ToList();
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue v when v.TryGetValue<double>(out var d) => d.ToString("R", CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };

    public static DateTimeOffset? ParseTimestamp(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null;

    private static DecodedRecord Fail(RawRecord raw, string domain, TransformError error, string? txId) =>
        new(domain, [], new ErrorRow(ErrorId(raw.SourceId), domain, error.Category, error.Message, error.ObjectType,
            error.TravellerId, txId, RawText(raw.Data), raw.ArrivedAt), 0);

    /// <summary>Error ids derive from the source position, so that a redelivered bad record is kept once.</summary>
    public static string ErrorId(string sourceId) =>
        "error_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sourceId)))[..40];

    private static string ContentId(byte[] data) => "tx_" + Convert.ToHexStringLower(SHA256.HashData(data))[..32];

    /// <summary>The raw record as text for the error record (base64 when it is not UTF-8), capped at 1 MiB.</summary>
    private static string RawText(byte[] data)
    {
        var slice = data.Length > 1 << 20 ? data[..(1 << 20)] : data;
        try
        {
            return new UTF8Encoding(false, true).GetString(slice);
        }
        catch (DecoderFallbackException)
        {
            return "base64:" + Convert.ToBase64String(slice);
        }
    }

    /// <summary>Best effort: the domain of an envelope that failed to parse, so its error lands in the right domain.</summary>
    private static string DomainOf(byte[] data)
    {
        try
        {
            using var doc = JsonDocument.Parse(data);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                   && doc.RootElement.TryGetProperty("domain", out var d) && d.ValueKind == JsonValueKind.String
                   && d.GetString() is { Length: <= 63 } s ? s : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
