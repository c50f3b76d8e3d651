using System.Text.Json;
using Upt.Transforms.Records;

namespace Upt.Transforms.Envelope;

/// <summary>
/// Parses and validates a UPT input envelope. The domain is checked here, before any transform runs (UPT checks it
/// only while publishing, after the transform, §9 C1).
/// </summary>
public static class EnvelopeParser
{
    /// <summary>Largest accepted record (Kinesis records are at most 1 MiB).</summary>
    public const int MaxRecordBytes = 1 << 20;

    /// <summary>Parses one envelope from UTF-8 JSON.</summary>
    public static EnvelopeParseResult Parse(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxRecordBytes)
        {
            return Fail($"record of {utf8.Length} bytes exceeds the maximum of {MaxRecordBytes}");
        }

        JsonDocument doc;
        try
        {
            var reader = new Utf8JsonReader(utf8);
            doc = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            return Fail($"invalid JSON: {ex.Message}");
        }

        try
        {
            var result = Read(doc);
            if (!result.IsSuccess)
            {
                doc.Dispose();
            }

            return result;
        }
        catch
        {
            doc.Dispose();
            throw;
        }
    }

    private static EnvelopeParseResult Read(JsonDocument doc)
    {
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Fail($"envelope must be a JSON object, got {Common.Json.KindName(root)}");
        }

        if (!TryString(root, "objectType", out var objectType, out var error))
        {
            return Fail(error);
        }

        if (!BusinessObjectTypes.IsKnown(objectType))
        {
            return Fail($"('Unknown object type', '{objectType}')");
        }

        if (!TryString(root, "domain", out var domain, out error)
            || !TryString(root, "modelVersion", out var modelVersion, out error)
            || !TryString(root, "mode", out var modeText, out error)
            || !TryString(root, "mergeModeProfileId", out var mergeInto, out error)
            || !TryString(root, "timestamp", out var timestamp, out error)
            || !TryString(root, "uid", out var uid, out error))
        {
            return Fail(error, objectType);
        }

        if (DomainName.Validate(domain) is { } domainError)
        {
            return Fail(domainError, objectType);
        }

        IngestMode mode;
        switch (modeText)
        {
            case "" or "full": mode = IngestMode.Full; break;
            case "partial": mode = IngestMode.Partial; break;
            case "merge": mode = IngestMode.Merge; break;
            default: return Fail($"unknown mode '{modeText}' (expected full, partial or merge)", objectType);
        }

        if (!TryPartialFields(root, out var fields, out error))
        {
            return Fail(error, objectType);
        }

        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            return Fail($"data must be an object, got {(data.ValueKind == JsonValueKind.Undefined ? "nothing" : Common.Json.KindName(data))}", objectType);
        }

        var envelope = new IngestEnvelope(objectType, modelVersion, data, domain, mode, mergeInto, fields, timestamp, uid);
        return new EnvelopeParseResult(envelope, null, doc);
    }

    private static bool TryString(JsonElement root, string name, out string value, out string error)
    {
        error = string.Empty;
        value = string.Empty;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            error = $"{name} must be a string, got {Common.Json.KindName(element)}";
            return false;
        }

        value = element.GetString()!;
        return true;
    }

    private static bool TryPartialFields(JsonElement root, out IReadOnlyList<string> fields, out string error)
    {
        fields = [];
        error = string.Empty;
        if (!root.TryGetProperty("partialModeOptions", out var options) || options.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (options.ValueKind != JsonValueKind.Object)
        {
            error = $"partialModeOptions must be an object, got {Common.Json.KindName(options)}";
            return false;
        }

        if (!options.TryGetProperty("fields", out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            error = $"partialModeOptions.fields must be a list of strings, got {Common.Json.KindName(list)}";
            return false;
        }

        var result = new List<string>(list.GetArrayLength());
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                error = $"partialModeOptions.fields must be a list of strings, found {Common.Json.KindName(item)}";
                return false;
            }

            var text = item.GetString()!;
            var dot = text.IndexOf('.', StringComparison.Ordinal);
            if (dot <= 0 || dot == text.Length - 1 || !FlatRecordTypes.IsKnown(text[..dot]))
            {
                error = $"partialModeOptions.fields entry '{text}' must be <flat_object_type>.<field> or <flat_object_type>.*";
                return false;
            }

            result.Add(text);
        }

        fields = result;
        return true;
    }

    private static EnvelopeParseResult Fail(string message, string objectType = "unknown") =>
        new(null, new TransformError(TransformErrorCategories.TransformerException, message, objectType, null), null);
}
