using System.Text.Json.Nodes;
using Upt.Transforms.Common;
using Upt.Transforms.Records;

namespace Upt.Transforms.Objects;

/// <summary><c>hotel_stay</c>: one <c>hotel_stay_revenue_items</c> record per revenue item (UPT §4.5).</summary>
internal static class HotelStayTransformer
{
    public static void Run(TransformContext ctx, RecordLists lists)
    {
        var stay = ctx.Data;
        if (Json.Count(stay, "revenue") == 0)
        {
            throw new TransformException("Hotel stay must have at least 1 revenue item ");
        }

        // UPT draws a random traveller per revenue item when guestId is missing (§9 B8): one derived id per stay instead.
        var travellerId = Json.Text(stay, "guestId") is { Length: > 0 } g ? g : ctx.FallbackId("guest");
        ctx.CurrentTravellerId = travellerId;
        var modelVersion = Json.Str(stay, "modelVersion");
        var lastUpdatedOn = Json.Str(stay, "lastUpdatedOn");
        var stamp = ctx.LastUpdated(lastUpdatedOn);
        var stayId = Json.Text(stay, "id");
        var email = Json.Str(stay, "email");
        if (!string.IsNullOrEmpty(email))
        {
            Emails.Validate(email);
        }

        foreach (var raw in Json.List(stay, "revenue"))
        {
            var item = Json.Item(raw, "revenue");
            var type = Json.Text(item, "type");
            var date = Json.Text(item, "date");
            var rec = new JsonObject
            {
                ["model_version"] = modelVersion,
                ["object_type"] = FlatRecordTypes.HotelStayRevenueItems,
                ["last_updated"] = stamp.LastUpdated,
                ["accp_object_id"] = $"{stayId}|{type}|{date}",
                ["created_on"] = Json.Str(stay, "createdOn"),
                ["last_updated_by"] = Json.Str(stay, "lastUpdatedBy"),
                ["tx_id"] = ctx.TxId,
                ["created_by"] = Json.Str(stay, "createdBy"),
                ["id"] = stayId,
                ["booking_id"] = Json.Str(stay, "bookingId"),
                ["traveller_id"] = travellerId,
                ["currency_code"] = Json.Nested(stay, "currency", "code"),
                ["currency_name"] = Json.Nested(stay, "currency", "name"),
                ["currency_symbol"] = Json.Nested(stay, "currency", "symbol"),
                ["first_name"] = Json.Str(stay, "firstName"),
                ["last_name"] = Json.Str(stay, "lastName"),
                ["email"] = email,

                // UPT writes str(None) = "None" for a null phone (§9 B13); we write "".
                ["phone"] = Json.Text(stay, "phone"),
                ["start_date"] = Json.Str(stay, "startDate"),
                ["hotel_code"] = Json.Str(stay, "hotelCode"),
                ["type"] = type,
                ["description"] = Json.Str(item, "description"),
                ["amount"] = Json.Float(item, "amount"),
                ["date"] = date,
                ["last_updated_partition"] = stamp.Partition,
                ["extended_data"] = ExtendedData.Encode(item),
            };
            lists["hotel_stay_revenue_items"].Add(rec);
        }

        AlternateIdRecords.Add(lists["alternate_profile_id_recs"], stay, travellerId, modelVersion, lastUpdatedOn, ctx);
    }
}
