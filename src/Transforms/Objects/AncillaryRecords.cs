using System.Text.Json;
using System.Text.Json.Nodes;
using Upt.Transforms.Common;
using Upt.Transforms.Records;

namespace Upt.Transforms.Objects;

/// <summary>
/// <c>ancillary_service</c> records for one passenger. Baggage, seat and change items go to the passenger with the
/// matching <c>paxIndex</c> and to the booker; other and priority items only to the booker (UPT §4.1, kept).
/// </summary>
internal static class AncillaryRecords
{
    public static void Add(List<JsonObject> output, JsonElement services, int passengerIndex, bool isBooker, string travellerId, string bookingId, ContactRecords.Parent parent, TransformContext ctx)
    {
        foreach (var item in Items(services, "ancillaryServiceBaggage"))
        {
            if (isBooker || Json.Float(item, "paxIndex") == passengerIndex)
            {
                var rec = Start(item, "baggage", bookingId, parent, ctx);
                rec["baggage_type"] = Json.Str(item, "baggageType");
                rec["pax_index"] = Json.Float(item, "paxIndex");
                rec["quantity"] = Json.Float(item, "quantity");
                rec["weight"] = Json.Float(item, "weight");

                // UPT reads only the misspelt "dimentions"/"lotBagInsurance" (§9 A1); the schema names are accepted too.
                var dimensions = Json.Has(item, "dimentions") ? Json.Object(item, "dimentions") : Json.Object(item, "dimensions");
                rec["dimentions_length"] = Json.Float(dimensions, "length");
                rec["dimentions_width"] = Json.Float(dimensions, "width");
                rec["dimentions_height"] = Json.Float(dimensions, "height");
                rec["priority_bag_drop"] = Json.Bool(item, "priorityBagDrop");
                rec["priority_bag_return"] = Json.Bool(item, "priorityBagReturn");
                rec["lot_bag_insurance"] = Json.Has(item, "lotBagInsurance") ? Json.Bool(item, "lotBagInsurance") : Json.Bool(item, "lostBagInsurance");
                rec["valuable_baggage_insurance"] = Json.Bool(item, "valuableBaggageInsurance");
                rec["hands_free_baggage"] = Json.Bool(item, "handsFreeBaggage");
                Finish(output, rec, item, travellerId, parent);
            }
        }

        foreach (var item in Items(services, "ancillaryServiceSeat"))
        {
            if (isBooker || Json.Float(item, "paxIndex") == passengerIndex)
            {
                var rec = Start(item, "seat", bookingId, parent, ctx);
                rec["pax_index"] = Json.Float(item, "paxIndex");
                rec["seat_number"] = Json.Str(item, "seatNumber");
                rec["seat_zone"] = Json.Str(item, "seatZone");
                rec["neighbor_free_seat"] = Json.Bool(item, "neighborFreeSeat");
                rec["upgrade_auction"] = Json.Bool(item, "upgradeAuction");
                Finish(output, rec, item, travellerId, parent);
            }
        }

        foreach (var item in Items(services, "ancillaryServiceFlightChange"))
        {
            if (isBooker || Json.Float(item, "paxIndex") == passengerIndex)
            {
                var rec = Start(item, "change", bookingId, parent, ctx);
                rec["pax_index"] = Json.Float(item, "paxIndex");
                rec["change_type"] = Json.Str(item, "changeType");
                Finish(output, rec, item, travellerId, parent);
            }
        }

        if (!isBooker)
        {
            return;
        }

        foreach (var item in Items(services, "ancillaryServiceOther"))
        {
            var rec = Start(item, "other", bookingId, parent, ctx);
            rec["other_ancilliary_type"] = Json.Str(item, "otherAncilliaryType");
            Finish(output, rec, item, travellerId, parent);
        }

        foreach (var item in Items(services, "ancillaryServicePriority"))
        {
            var rec = Start(item, "priority", bookingId, parent, ctx);
            rec["priority_service_type"] = Json.Str(item, "priorityServiceType");
            rec["lounge_access"] = Json.Bool(item, "loungeAccess");
            Finish(output, rec, item, travellerId, parent);
        }
    }

    private static IEnumerable<JsonElement> Items(JsonElement services, string name) =>
        Json.List(services, name).Select(i => Json.Item(i, name));

    private static JsonObject Start(JsonElement item, string type, string bookingId, ContactRecords.Parent parent, TransformContext ctx) => new()
    {
        ["tx_id"] = ctx.TxId,
        ["model_version"] = parent.ModelVersion,
        ["object_type"] = FlatRecordTypes.AncillaryService,
        ["last_updated"] = parent.Stamp.LastUpdated,
        ["accp_object_id"] = Json.Str(item, "id"),
        ["last_updated_by"] = parent.LastUpdatedBy,
        ["ancillary_type"] = type,
        ["booking_id"] = bookingId,
        ["flight_number"] = Json.Str(item, "flightNumber"),
        ["departure_date"] = Json.Str(item, "departureDate"),
    };

    private static void Finish(List<JsonObject> output, JsonObject rec, JsonElement item, string travellerId, ContactRecords.Parent parent)
    {
        var price = Json.Object(item, "price");
        rec["price"] = Json.Float(price, "total");
        rec["currency"] = Json.Str(price, "currency");
        rec["traveller_id"] = travellerId;
        rec["last_updated_partition"] = parent.Stamp.Partition;
        rec["extended_data"] = ExtendedData.Encode(item);
        output.Add(rec);
    }
}
