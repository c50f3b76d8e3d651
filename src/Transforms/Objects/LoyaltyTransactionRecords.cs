using System.Text.Json;
using System.Text.Json.Nodes;
using Upt.Transforms.Common;
using Upt.Transforms.Records;

namespace Upt.Transforms.Objects;

/// <summary><c>loyalty_transaction</c> records from <c>loyaltyPrograms[].transactions[]</c> (profiles only).</summary>
internal static class LoyaltyTransactionRecords
{
    /// <summary>Which profile type emits the record; the shapes differ slightly (§4.2 / §4.3), kept as UPT has them.</summary>
    public enum Source
    {
        Pax,
        Guest,
    }

    public static void Add(List<JsonObject> output, JsonElement program, string travellerId, string? modelVersion, Source source, TransformContext ctx)
    {
        foreach (var raw in Json.List(program, "transactions"))
        {
            var t = Json.Item(raw, "transactions");
            var rec = RecordStart.New(FlatRecordTypes.LoyaltyTransaction, modelVersion, ctx);
            var stamp = ctx.LastUpdated(Json.Str(t, "timeStamp"));
            rec["accp_object_id"] = Json.Str(t, "id");
            rec["last_updated_by"] = Json.Str(t, "agent");
            rec["category"] = Json.Str(t, "category");
            rec["points_offset"] = Json.Float(t, "pointsOffset");
            rec["points_unit"] = Json.Str(t, "pointUnit");
            rec["origin_points_offset"] = Json.Float(t, "originPointsOffset");
            if (source == Source.Guest)
            {
                rec["qualifying_point_offset"] = Json.Float(t, "qualifyingPointOffset");
            }

            rec["source"] = Json.Str(t, "source");
            rec["booking_date"] = Json.Str(t, "bookingDate");
            rec["order_number"] = Json.Str(t, "orderNumber");
            rec["product_id"] = Json.Str(t, "productId");
            rec["expire_in_days"] = source == Source.Pax ? Json.Int(t, "expireInDays") : Json.Float(t, "expireInDays");
            rec["amount"] = Json.Float(t, "amount");
            rec["amount_type"] = Json.Str(t, "amountType");
            rec["voucher_quantity"] = Json.Float(t, "voucherQuantity");
            rec["corporate_reference_number"] = Json.Str(t, "corporateReferenceNumber");
            rec["promotions"] = Json.Str(t, "promotions");
            rec["location"] = Json.Str(t, "location");
            rec["activity_day"] = Json.Str(t, "activityDay");
            rec["to_loyalty_id"] = Json.Str(t, "toLoyaltyId");
            rec["from_loyalty_id"] = Json.Str(t, "fromLoyaltyId");
            rec["organization_code"] = Json.Str(t, "organizationCode");
            rec["event_name"] = Json.Str(t, "eventName");
            rec["document_number"] = Json.Str(t, "documentNumber");
            rec["corporate_id"] = Json.Str(t, "corporateId");
            rec["program_name"] = Json.Str(t, "programName");
            rec["traveller_id"] = travellerId;
            RecordStart.Stamp(rec, stamp);
            rec["extended_data"] = ExtendedData.Encode(t);
            output.Add(rec);
        }
    }
}
