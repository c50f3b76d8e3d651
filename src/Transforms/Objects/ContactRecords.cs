using System.Text.Json;
using System.Text.Json.Nodes;
using Upt.Transforms.Common;
using Upt.Transforms.Records;

namespace Upt.Transforms.Objects;

/// <summary><c>email_history</c> and <c>phone_history</c> records from a person's <c>emails[]</c> / <c>phones[]</c>.</summary>
internal static class ContactRecords
{
    public const int MaxPhoneLength = 30;

    /// <summary>Parent-level values every contact/loyalty record copies.</summary>
    internal readonly record struct Parent(string? ModelVersion, string? LastUpdatedBy, (string LastUpdated, string Partition) Stamp);

    public static string PhoneNumber(JsonElement phone)
    {
        var value = Json.Get(phone, "number");
        if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.Undefined or JsonValueKind.Null))
        {
            // UPT crashes with "object of type 'int' has no len()".
            throw new TransformException($"phone number must be a string, got {Json.KindName(value)}");
        }

        var number = value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
        if (number.Length > MaxPhoneLength)
        {
            throw new TransformException("phone number field value exceeds the maximum field length of 30");
        }

        return FieldRules.Validate(number);
    }

    public static void AddEmails(List<JsonObject> output, JsonElement person, string travellerId, Parent parent, bool withVerified, TransformContext ctx)
    {
        foreach (var raw in Json.List(person, "emails"))
        {
            var e = Json.Item(raw, "emails");
            var address = Json.Str(e, "address");
            if (string.IsNullOrEmpty(address))
            {
                throw new TransformException("email address must be populated");
            }

            Emails.Validate(address);
            var type = Json.Text(e, "type");
            var rec = RecordStart.New(FlatRecordTypes.EmailHistory, parent.ModelVersion, ctx);
            rec["last_updated_by"] = parent.LastUpdatedBy;
            rec["address"] = address;
            rec["type"] = type;
            if (withVerified)
            {
                rec["is_verified"] = Json.Bool(e, "isVerified");
            }

            rec["accp_object_id"] = type + address;
            rec["traveller_id"] = travellerId;
            RecordStart.Stamp(rec, parent.Stamp);
            rec["extended_data"] = ExtendedData.Encode(e);
            output.Add(rec);
        }
    }

    public static void AddPhones(List<JsonObject> output, JsonElement person, string travellerId, Parent parent, bool withVerified, TransformContext ctx)
    {
        foreach (var raw in Json.List(person, "phones"))
        {
            var p = Json.Item(raw, "phones");
            var number = PhoneNumber(p);
            if (number.Length == 0)
            {
                throw new TransformException("phone number must be populated");
            }

            var type = Json.Text(p, "type");
            var rec = RecordStart.New(FlatRecordTypes.PhoneHistory, parent.ModelVersion, ctx);
            rec["last_updated_by"] = parent.LastUpdatedBy;
            rec["number"] = number;

            // UPT writes str(None) = "None" for a null country code (§9 B13); we write "".
            rec["country_code"] = Json.Text(p, "countryCode");
            rec["type"] = type;
            if (withVerified)
            {
                rec["is_verified"] = Json.Bool(p, "isVerified");
            }

            rec["accp_object_id"] = type + number;
            rec["traveller_id"] = travellerId;
            RecordStart.Stamp(rec, parent.Stamp);
            rec["extended_data"] = ExtendedData.Encode(p);
            output.Add(rec);
        }
    }
}
