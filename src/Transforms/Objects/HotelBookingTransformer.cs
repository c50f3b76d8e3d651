using System.Text.Json;
using System.Text.Json.Nodes;
using Upt.Transforms.Common;
using Upt.Transforms.Records;

namespace Upt.Transforms.Objects;

/// <summary><c>hotel_booking</c>: per segment, the holder and each additional guest get one record per product (UPT §4.4).</summary>
internal static class HotelBookingTransformer
{
    public static void Run(TransformContext ctx, RecordLists lists)
    {
        var booking = ctx.Data;
        if (Json.Count(booking, "segments") == 0)
        {
            throw new TransformException("Hotel booking must have at least 1 segment ");
        }

        var modelVersion = Json.Str(booking, "modelVersion");
        var stamp = ctx.LastUpdated(Json.Str(booking, "lastUpdatedOn"));
        var parent = new ContactRecords.Parent(modelVersion, Json.Str(booking, "lastUpdatedBy"), stamp);
        var segmentIndex = 0;
        foreach (var raw in Json.List(booking, "segments"))
        {
            var segment = Json.Item(raw, "segments");

            // UPT writes a random id into the input segment (§9 B10); we derive one and leave the input untouched.
            var segmentId = Json.Text(segment, "id") is { Length: > 0 } sid ? sid : ctx.FallbackId($"segments[{segmentIndex}]");
            var holder = Json.Has(segment, "holder") ? Json.Object(segment, "holder") : Json.Object(booking, "holder");
            var holderId = PersonId(ctx, holder);
            ctx.CurrentTravellerId = holderId;
            AddGuest(ctx, lists, booking, segment, segmentId, holder, holderId, isHolder: true, parent, stamp);
            foreach (var guestRaw in Json.List(segment, "additionalGuests"))
            {
                var guest = Json.Item(guestRaw, "additionalGuests");
                var guestId = PersonId(ctx, guest);
                ctx.CurrentTravellerId = guestId;
                AddGuest(ctx, lists, booking, segment, segmentId, guest, guestId, isHolder: false, parent, stamp);
            }

            segmentIndex++;
        }
    }

    /// <summary>
    /// An id-less guest gets an id derived from the booking and the guest's own content, so the same holder on
    /// several segments is one traveller (UPT draws a new random id per segment, §4.4).
    /// </summary>
    private static string PersonId(TransformContext ctx, JsonElement person) =>
        Json.Text(person, "id") is { Length: > 0 } id ? id : ctx.FallbackId("guest:" + DeterministicIds.CanonicalHash(person));

    private static void AddGuest(TransformContext ctx, RecordLists lists, JsonElement booking, JsonElement segment, string segmentId, JsonElement guest, string travellerId, bool isHolder, ContactRecords.Parent parent, (string LastUpdated, string Partition) stamp)
    {
        ContactRecords.AddEmails(lists["common_email_recs"], guest, travellerId, parent, withVerified: false, ctx);
        ContactRecords.AddPhones(lists["common_phone_recs"], guest, travellerId, parent, withVerified: false, ctx);
        LoyaltyRecords.Add(lists["guest_loyalty_recs"], guest, travellerId, parent, LoyaltyRecords.Shape.Hotel, ctx);
        AlternateIdRecords.Add(lists["alternate_profile_id_recs"], guest, travellerId, Json.Str(guest, "modelVersion"), Json.Str(guest, "lastUpdatedOn"), ctx);
        foreach (var productRaw in Json.List(segment, "products"))
        {
            var product = Json.Item(productRaw, "products");
            lists["hotel_booking_recs"].Add(Record(ctx, booking, segment, segmentId, product, guest, travellerId, isHolder, parent, stamp));
        }
    }

    private static JsonObject Record(TransformContext ctx, JsonElement booking, JsonElement segment, string segmentId, JsonElement product, JsonElement guest, string travellerId, bool isHolder, ContactRecords.Parent parent, (string LastUpdated, string Partition) stamp)
    {
        var bookingId = Json.Text(booking, "id");
        var hotelCode = SegmentOrBooking(segment, booking, "hotelCode");
        var startDate = SegmentOrBooking(segment, booking, "startDate");
        var productId = Json.Text(product, "id");
        var rec = new JsonObject
        {
            ["model_version"] = parent.ModelVersion,
            ["object_type"] = FlatRecordTypes.HotelBooking,
            ["accp_object_id"] = $"{hotelCode}|{bookingId}|{segmentId}|{startDate}|{productId}",
            ["segment_id"] = segmentId,
            ["last_updated"] = stamp.LastUpdated,
            ["last_updated_by"] = parent.LastUpdatedBy,
            ["tx_id"] = ctx.TxId,
            ["booking_id"] = bookingId,
            ["last_booking_id"] = bookingId,
            ["creation_channel_id"] = Json.Str(booking, "creationChannelId"),
            ["last_update_channel_id"] = Json.Str(booking, "lastUpdateChannelId"),
            ["hotel_code"] = hotelCode,
            ["n_nights"] = Json.Float(Json.Has(segment, "nNights") ? segment : booking, "nNights"),
            ["n_guests"] = Json.Float(Json.Has(segment, "nGuests") ? segment : booking, "nGuests"),
            ["product_id"] = productId,
            ["check_in_date"] = startDate,
        };

        // An empty segment status falls back to the booking status (UPT: it hides it, §9 B4).
        var status = Json.Str(segment, "status");
        rec["status"] = string.IsNullOrEmpty(status) ? Json.Str(booking, "status") : status;
        PersonFields.AddNames(rec, guest);
        var price = Json.Object(segment, "price");
        rec["total_segment_after_tax"] = Json.Float(price, "totalAfterTax");
        rec["total_segment_before_tax"] = Json.Float(price, "totalBeforeTax");

        // UPT reads these from the booking root, which never has them (§9 A3); the guest's own values are used.
        PersonFields.AddNationalityAndLanguage(rec, guest);
        rec["pms_id"] = ExternalIds.Find(booking, "pms");
        rec["crs_id"] = ExternalIds.Find(booking, "crs");
        rec["gds_id"] = ExternalIds.Find(booking, "gds");
        AddProduct(rec, product);
        AddressFields.AddPayment(rec, booking);
        PersonFields.AddEmailSummary(rec, guest);
        PersonFields.AddPhoneSummary(rec, guest);
        AddressFields.AddPersonAddresses(rec, guest, includeBillingSlot: false);
        rec["traveller_id"] = travellerId;
        rec["last_updated_partition"] = stamp.Partition;
        rec["extended_data"] = ExtendedData.Encode(booking);
        if (isHolder)
        {
            rec["booker_id"] = travellerId;
        }

        return rec;
    }

    private static string SegmentOrBooking(JsonElement segment, JsonElement booking, string field) =>
        Json.Text(Json.Has(segment, field) ? segment : booking, field);

    private static void AddProduct(JsonObject rec, JsonElement product)
    {
        rec["room_type_code"] = Json.Nested(product, "roomType", "code");
        rec["room_type_name"] = Json.Nested(product, "roomType", "name");
        rec["room_type_description"] = Json.Nested(product, "roomType", "description");
        rec["rate_plan_code"] = Json.Nested(product, "ratePlan", "code");
        rec["rate_plan_name"] = Json.Nested(product, "ratePlan", "name");
        rec["rate_plan_description"] = Json.Nested(product, "ratePlan", "description");
        rec["attribute_codes"] = Joined(product, "attributes", "code");
        rec["attribute_names"] = Joined(product, "attributes", "name");
        rec["attribute_descriptions"] = Joined(product, "attributes", "description");
        rec["add_on_codes"] = Joined(product, "addOns", "code");
        rec["add_on_names"] = Joined(product, "addOns", "name");
        rec["add_on_descriptions"] = Joined(product, "addOns", "description");
    }

    // UPT meant to strip '|' from values but discards the result (§9 B11); kept so joined columns match UPT.
    private static string Joined(JsonElement product, string list, string field) =>
        FieldRules.Validate(string.Join('|', Json.List(product, list).Select(i => Json.Text(Json.Item(i, list), field))));
}
