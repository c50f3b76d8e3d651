using System.Text.Json;
using System.Text.Json.Nodes;
using Upt.Transforms.Common;
using Upt.Transforms.Records;

namespace Upt.Transforms.Objects;

/// <summary><c>air_booking</c>: one record per passenger × segment, plus the passengers' contacts, loyalty, ancillaries and alternate ids (UPT §4.1).</summary>
internal static class AirBookingTransformer
{
    public static void Run(TransformContext ctx, RecordLists lists)
    {
        var booking = ctx.Data;
        var passengers = Json.Get(Json.Object(booking, "passengerInfo"), "passengers");
        if (passengers.ValueKind != JsonValueKind.Array || passengers.GetArrayLength() == 0)
        {
            throw new TransformException("('Invalid Business object of type', 'air_booking')");
        }

        var bookingId = Json.Text(booking, "id");
        if (bookingId.Length == 0)
        {
            throw new TransformException("air_booking must have an id");
        }

        var modelVersion = Json.Str(booking, "modelVersion");
        var stamp = ctx.LastUpdated(Json.Str(booking, "lastUpdatedOn"));
        var parent = new ContactRecords.Parent(modelVersion, Json.Str(booking, "lastUpdatedBy"), stamp);
        var segments = new List<JsonElement>();
        segments.AddRange(Json.List(Json.Object(booking, "itinerary"), "segments").Select(s => Json.Item(s, "segments")));
        segments.AddRange(Json.List(Json.Object(booking, "return"), "segments").Select(s => Json.Item(s, "segments")));
        var shared = BookingLevel(ctx, booking, bookingId, modelVersion, stamp);
        var index = 0;
        foreach (var raw in passengers.EnumerateArray())
        {
            var pax = Json.Item(raw, "passengers");
            var travellerId = Json.Text(pax, "id") is { Length: > 0 } id ? id : ctx.FallbackId($"passengers[{index}]");
            ctx.CurrentTravellerId = travellerId;
            var isBooker = Json.Bool(pax, "isBooker");
            var travellerPrice = TravellerPrice(booking, index);
            foreach (var segment in segments)
            {
                lists["air_booking_recs"].Add(SegmentRecord(ctx, shared, segment, pax, travellerId, isBooker, travellerPrice, booking));
            }

            ContactRecords.AddEmails(lists["common_email_recs"], pax, travellerId, parent, withVerified: true, ctx);
            ContactRecords.AddPhones(lists["common_phone_recs"], pax, travellerId, parent, withVerified: true, ctx);
            LoyaltyRecords.Add(lists["air_loyalty_recs"], pax, travellerId, parent, LoyaltyRecords.Shape.AirFull, ctx);
            AncillaryRecords.Add(lists["ancillary_recs"], Json.Object(booking, "ancillaryServices"), index, isBooker, travellerId, bookingId, parent, ctx);
            AlternateIdRecords.Add(lists["alternate_profile_id_recs"], pax, travellerId, Json.Str(pax, "modelVersion"), Json.Str(pax, "lastUpdatedOn"), ctx);
            index++;
        }
    }

    private static JsonObject BookingLevel(TransformContext ctx, JsonElement booking, string bookingId, string? modelVersion, (string, string) stamp)
    {
        // Booking-level values are computed once and cloned per record, instead of re-reading per passenger × segment.
        var rec = new JsonObject
        {
            ["model_version"] = modelVersion,
            ["object_type"] = FlatRecordTypes.AirBooking,
            ["last_updated"] = stamp.Item1,
            ["last_updated_by"] = Json.Str(booking, "lastUpdatedBy"),
            ["tx_id"] = ctx.TxId,
            ["booking_id"] = bookingId,
            ["creation_channel_id"] = Json.Str(booking, "creationChannelId"),
            ["last_update_channel_id"] = Json.Str(booking, "lastUpdateChannelId"),
            ["last_booking_id"] = bookingId,
            ["channel"] = Json.Str(booking, "creationChannelId"),
            ["status"] = Json.Str(booking, "status"),
            ["price"] = Json.Float(Json.Object(booking, "price"), "grandTotal"),
            ["day_of_travel_email"] = Json.Str(booking, "dayOfTravelEmail"),
            ["day_of_travel_phone"] = Json.Str(booking, "dayOfTravelPhone"),
            ["pss_id"] = ExternalIds.Find(booking, "pss"),
            ["gds_id"] = ExternalIds.Find(booking, "gds"),
            ["last_updated_partition"] = stamp.Item2,
        };
        AddressFields.AddPayment(rec, booking);
        return rec;
    }

    private static JsonObject SegmentRecord(TransformContext ctx, JsonObject shared, JsonElement segment, JsonElement pax, string travellerId, bool isBooker, double travellerPrice, JsonElement booking)
    {
        var from = Json.Text(segment, "from");
        var to = Json.Text(segment, "to");
        var segmentId = $"{shared["booking_id"]}-{from}-{to}";
        var rec = new JsonObject();
        foreach (var key in (ReadOnlySpan<string>)["model_version", "object_type", "last_updated", "last_updated_by", "tx_id"])
        {
            rec[key] = shared[key]?.DeepClone();
        }

        rec["accp_object_id"] = segmentId;
        foreach (var key in (ReadOnlySpan<string>)["booking_id", "creation_channel_id", "last_update_channel_id", "last_booking_id"])
        {
            rec[key] = shared[key]?.DeepClone();
        }

        rec["segment_id"] = segmentId;
        rec["from"] = from;
        rec["to"] = to;
        rec["flight_number"] = Json.Str(segment, "flightNumber");
        rec["departure_date"] = Json.Str(segment, "departureDate");
        rec["departure_time"] = Json.Str(segment, "departureTime");
        rec["arrival_date"] = Json.Str(segment, "arrivalDate");
        rec["arrival_time"] = Json.Str(segment, "arrivalTime");
        rec["channel"] = shared["channel"]?.DeepClone();

        // UPT lets a segment's empty status hide the booking status (§9 B4); an empty segment status now falls back.
        var segmentStatus = Json.Str(segment, "status");
        rec["status"] = string.IsNullOrEmpty(segmentStatus) ? shared["status"]?.DeepClone() : segmentStatus;
        PersonFields.AddNames(rec, pax);
        rec["price"] = shared["price"]?.DeepClone();
        rec["traveller_price"] = travellerPrice;
        rec["day_of_travel_email"] = shared["day_of_travel_email"]?.DeepClone();
        rec["day_of_travel_phone"] = shared["day_of_travel_phone"]?.DeepClone();
        PersonFields.AddNationalityAndLanguage(rec, pax);
        foreach (var key in (ReadOnlySpan<string>)["pss_id", "gds_id", "payment_type", "cc_token", "cc_type", "cc_exp", "cc_cvv", "cc_name"])
        {
            rec[key] = shared[key]?.DeepClone();
        }

        foreach (var (key, value) in shared)
        {
            if (key.StartsWith("address_billing_", StringComparison.Ordinal))
            {
                rec[key] = value?.DeepClone();
            }
        }

        PersonFields.AddEmailSummary(rec, pax);
        PersonFields.AddPhoneSummary(rec, pax);
        rec["traveller_id"] = travellerId;
        rec["last_updated_partition"] = shared["last_updated_partition"]?.DeepClone();
        AddressFields.AddPersonAddresses(rec, pax, includeBillingSlot: false);
        if (isBooker)
        {
            rec["booker_id"] = travellerId;
        }

        rec["extended_data"] = ExtendedData.Encode(pax);
        return rec;
    }

    /// <summary>UPT: the first price item of this passenger (one segment's price, §9 B5, kept: it is a stored column).</summary>
    private static double TravellerPrice(JsonElement booking, int passengerIndex)
    {
        foreach (var raw in Json.List(Json.Object(booking, "price"), "priceItems"))
        {
            var item = Json.Item(raw, "priceItems");
            if (Json.Float(item, "passengerIndex") == passengerIndex)
            {
                return Json.Float(Json.Object(item, "price"), "total");
            }
        }

        return 0.0;
    }
}
