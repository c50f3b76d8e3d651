using System.Text.Json;
using System.Text.Json.Nodes;
using Upt.Transforms.Common;
using Upt.Transforms.Records;

namespace Upt.Transforms.Objects;

/// <summary><c>clickstream</c>: one record per event, keyed by session (UPT §4.7).</summary>
internal static class ClickstreamTransformer
{
    public static void Run(TransformContext ctx, RecordLists lists)
    {
        var e = ctx.Data;
        var attributes = Index(e);
        var sessionId = Json.Text(Json.Object(e, "session"), "id");

        // Minimal validity (UPT accepts anything and invents a random session): an event type and some identity.
        if (Json.Text(e, "event_type").Length == 0)
        {
            throw new TransformException("clickstream event must have an event_type");
        }

        if (sessionId.Length == 0 && Json.Text(e, "userId").Length == 0 && !attributes.ContainsKey("customer_id"))
        {
            throw new TransformException("clickstream event must have a session id, a userId or a customer_id attribute");
        }

        if (sessionId.Length == 0)
        {
            sessionId = ctx.FallbackId("session");
        }

        ctx.CurrentTravellerId = sessionId;
        var modelVersion = Json.Str(e, "modelVersion");
        var eventTimestamp = Json.Str(e, "event_timestamp");
        var stamp = ctx.LastUpdated(eventTimestamp);
        var device = Json.Object(e, "device");
        var rec = new JsonObject
        {
            ["model_version"] = modelVersion,
            ["object_type"] = FlatRecordTypes.Clickstream,
            ["tx_id"] = ctx.TxId,
            ["traveller_id"] = sessionId,
            ["event_type"] = Json.Str(e, "event_type"),
            ["event_timestamp"] = eventTimestamp,

            // UPT writes str(None) = "None" for a null arrival_timestamp (§9 B13); we write "".
            ["arrival_timestamp"] = Json.Text(e, "arrival_timestamp"),
            ["event_version"] = Json.Str(e, "event_version"),
            ["user_agent"] = Json.Str(device, "useragent", StringKind.Free),
            ["ip_address"] = Json.Str(device, "ipAddress"),
            ["session_id"] = sessionId,
        };
        foreach (var field in ClickstreamAttributes.All)
        {
            var attribute = Find(attributes, field.Sources);
            if (field.Numeric)
            {
                rec[field.Key] = attribute.ValueKind == JsonValueKind.Undefined ? 0.0 : NumericValue(attribute);
            }
            else if (attribute.ValueKind != JsonValueKind.Undefined && TextValue(attribute, field) is { } text)
            {
                // Absent or null string attributes are left out, so the key set varies (24–62 keys) as in UPT.
                rec[field.Key] = text;
            }
        }

        rec["aws_account_id"] = Json.Str(e, "awsAccountId");
        rec["last_updated"] = stamp.LastUpdated;
        rec["accp_object_id"] = sessionId + "_" + eventTimestamp;
        rec["last_updated_partition"] = stamp.Partition;
        rec["extended_data"] = ExtendedData.Encode(e);
        lists["clickstream_recs"].Add(rec);
        AlternateIdRecords.Add(lists["alternate_profile_id_recs"], e, sessionId, modelVersion, Json.Str(e, "lastUpdatedOn"), ctx);
    }

    private static Dictionary<string, JsonElement> Index(JsonElement e)
    {
        var index = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var raw in Json.List(e, "attributes"))
        {
            var a = Json.Item(raw, "attributes");
            var name = Json.Get(a, "name");
            if (name.ValueKind != JsonValueKind.String)
            {
                throw new TransformException("clickstream attribute must have a name");
            }

            index.TryAdd(name.GetString()!, a);
        }

        return index;
    }

    private static JsonElement Find(Dictionary<string, JsonElement> attributes, string[] names)
    {
        foreach (var name in names)
        {
            if (attributes.TryGetValue(name, out var a))
            {
                return a;
            }
        }

        return default;
    }

    private static double NumericValue(JsonElement a) => Json.Text(a, "type") switch
    {
        "string" => Json.Float(a, "stringValue"),
        "boolean" => Json.Bool(a, "boolValue") ? 1.0 : 0.0,
        _ => Json.Float(a, "numValue"),
    };

    private static string? TextValue(JsonElement a, ClickstreamAttributes.Field field)
    {
        var kind = field.IsUrl ? StringKind.Url : StringKind.SingleLine;
        string? text = Json.Text(a, "type") switch
        {
            "strings" => Joined(a, "stringValues"),
            "numbers" => Joined(a, "numValues"),
            "number" => PyText.Float(Json.Float(a, "numValue")),
            "boolean" => Json.Bool(a, "boolValue") ? "True" : "False",
            _ => PyText.Scalar(Json.Get(a, "stringValue"), field.Key) is { } s && Json.Has(a, "stringValue") ? s : null,
        };
        return text is null ? null : FieldRules.Validate(text, kind);
    }

    private static string Joined(JsonElement a, string list)
    {
        var value = Json.Get(a, list);
        if (value.ValueKind != JsonValueKind.Array)
        {
            return string.Empty;
        }

        return string.Join('|', value.EnumerateArray().Select(v => PyText.Scalar(v, list) ?? "None"));
    }
}
