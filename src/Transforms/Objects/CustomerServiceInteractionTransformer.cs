using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Upt.Transforms.Common;
using Upt.Transforms.Records;

namespace Upt.Transforms.Objects;

/// <summary><c>customer_service_interaction</c>: exactly one record carrying the conversation as base64 JSON (UPT §4.6).</summary>
internal static class CustomerServiceInteractionTransformer
{
    public const int MaxItems = 500;
    public const int MaxContentChars = 500_000;
    public const int MaxSummaryLength = 5000;

    public static void Run(TransformContext ctx, RecordLists lists)
    {
        var csi = ctx.Data;
        var count = Json.Count(csi, "conversation");
        if (count == 0)
        {
            throw new TransformException("Customer Service Interaction must have at least 1 conversation item ");
        }

        if (count > MaxItems)
        {
            throw new TransformException($"Maximum number of conversation items supported is {MaxItems}.");
        }

        // UPT draws two different random UUIDs for traveller and object id (§9 B8); one derived id serves both.
        var sessionId = Json.Text(csi, "sessionId") is { Length: > 0 } s ? s : ctx.FallbackId("session");
        ctx.CurrentTravellerId = sessionId;
        var modelVersion = Json.Str(csi, "modelVersion");
        var stamp = ctx.LastUpdated(Json.Str(csi, "endTime"));
        var rec = new JsonObject
        {
            ["model_version"] = modelVersion,
            ["object_type"] = FlatRecordTypes.CustomerServiceInteraction,
            ["last_updated"] = stamp.LastUpdated,
            ["tx_id"] = ctx.TxId,
            ["traveller_id"] = sessionId,
            ["accp_object_id"] = sessionId,
            ["channel"] = Json.Str(csi, "channel"),
            ["loyalty_id"] = Json.Str(csi, "loyaltyId"),
        };
        AddNth(rec, csi, "relatedLoyaltyIds", "related_loyalty_id");
        rec["booking_id"] = Json.Str(csi, "relatedBookingId");
        AddNth(rec, csi, "relatedBookings", "related_booking_id");
        rec["first_name"] = Json.Str(csi, "firstName");
        rec["last_name"] = Json.Str(csi, "lastName");
        rec["email"] = OptionalEmail(csi, "email");
        rec["email_business"] = OptionalEmail(csi, "businessEmail");
        rec["phone_number"] = Json.Str(csi, "phoneNumber");
        foreach (var (key, field) in (ReadOnlySpan<(string, string)>)[("campaign_job_id", "campaignJobId"), ("campaign_strategy", "campaignStrategy"), ("campaign_program", "campaignProgram"), ("campaign_product", "campaignProduct"), ("campaign_name", "campaignName"), ("category", "category"), ("subject", "subject"), ("loyalty_program_name", "loyaltyProgramName")])
        {
            rec[key] = Json.Str(csi, field);
        }

        rec["is_voice_otp"] = Json.Bool(csi, "isVoiceOtp");
        rec["tsa_precheck_number"] = Json.Str(csi, "tsaPreCheckNumber");
        rec["cart_id"] = Json.Str(csi, "cartId");
        rec["interaction_type"] = Json.Str(csi, "interactionType");
        rec["start_time"] = Json.Str(csi, "startTime");
        rec["end_time"] = Json.Str(csi, "endTime");
        rec["duration"] = Json.Float(csi, "duration");
        rec["status"] = Json.Str(csi, "status");
        rec["summary"] = Json.Str(csi, "summary", StringKind.Free, MaxSummaryLength);
        rec["language_code"] = Json.Nested(csi, "language", "code");
        rec["language_name"] = Json.Nested(csi, "language", "name");
        rec["extended_data"] = ExtendedData.Encode(csi);
        rec["conversation"] = Conversation(csi);
        rec["last_updated_partition"] = stamp.Partition;
        lists["conversation_recs"].Add(rec);
        AlternateIdRecords.Add(lists["alternate_profile_id_recs"], csi, sessionId, modelVersion, Json.Str(csi, "lastUpdatedOn"), ctx);
    }

    private static string? OptionalEmail(JsonElement csi, string field)
    {
        var email = Json.Str(csi, field);
        return string.IsNullOrEmpty(email) ? email : Emails.Validate(email);
    }

    private static void AddNth(JsonObject rec, JsonElement csi, string list, string prefix)
    {
        var values = Json.List(csi, list).Select(v => PyText.Scalar(v, list)).Take(3).ToArray();
        for (var i = 0; i < 3; i++)
        {
            rec[prefix + (i + 1)] = i < values.Length && values[i] is { } v ? FieldRules.Validate(v) : string.Empty;
        }
    }

    /// <summary>Base64 of Python-formatted <c>{"items":[...]}</c>; not gzipped despite UPT's variable name.</summary>
    private static string Conversation(JsonElement csi)
    {
        var sb = new StringBuilder("{\"items\": [");
        var contentChars = 0;
        var first = true;
        foreach (var raw in Json.List(csi, "conversation"))
        {
            var item = Json.Item(raw, "conversation");
            var content = Json.Get(item, "content");
            if (content.ValueKind == JsonValueKind.String)
            {
                contentChars += content.GetString()!.Length;
                if (contentChars > MaxContentChars)
                {
                    throw new TransformException($"Maximum number of conversation items supported is {MaxContentChars} after base64 encoding.");
                }
            }

            sb.Append(first ? "{" : ", {");
            first = false;
            Field(sb, "from", Json.Get(item, "from"), leading: false);
            Field(sb, "to", Json.Get(item, "to"));
            Field(sb, "content", content);
            Field(sb, "start_time", Json.Get(item, "startTime"));
            Field(sb, "end_time", Json.Get(item, "endTime"));
            Field(sb, "sentiment", Json.Get(item, "sentiment"));
            sb.Append(", \"extended_data\": ");
            PythonJson.WriteString(sb, ExtendedData.Encode(item));
            sb.Append('}');
        }

        sb.Append("]}");
        return ExtendedData.Base64Ascii(sb);
    }

    private static void Field(StringBuilder sb, string name, JsonElement value, bool leading = true)
    {
        sb.Append(leading ? ", \"" : "\"").Append(name).Append("\": ");
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            sb.Append("\"\"");
        }
        else
        {
            PythonJson.Write(sb, value);
        }
    }
}
