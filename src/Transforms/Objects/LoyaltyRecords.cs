using System.Text.Json;
using System.Text.Json.Nodes;
using Upt.Transforms.Common;
using Upt.Transforms.Records;

namespace Upt.Transforms.Objects;

/// <summary>
/// <c>air_loyalty</c> / <c>hotel_loyalty</c> records. The air shape differs by source (51 keys from air_booking,
/// 15 from pax_profile, §9 A6): kept, because consumers' stored columns follow UPT.
/// </summary>
internal static class LoyaltyRecords
{
    public enum Shape
    {
        AirFull,
        AirShort,
        Hotel,
    }

    public static void Add(List<JsonObject> output, JsonElement person, string travellerId, ContactRecords.Parent parent, Shape shape, TransformContext ctx, List<JsonObject>? transactions = null, LoyaltyTransactionRecords.Source txSource = default)
    {
        foreach (var raw in Json.List(person, "loyaltyPrograms"))
        {
            var l = Json.Item(raw, "loyaltyPrograms");
            var id = Json.Str(l, "id");
            var rec = RecordStart.New(shape == Shape.Hotel ? FlatRecordTypes.HotelLoyalty : FlatRecordTypes.AirLoyalty, parent.ModelVersion, ctx);
            rec["accp_object_id"] = id;
            rec["last_updated_by"] = parent.LastUpdatedBy;
            rec["id"] = id;
            rec["program_name"] = Json.Str(l, "programName");
            if (shape == Shape.Hotel)
            {
                rec["points"] = Json.Float(l, "points");
                rec["units"] = Json.Str(l, "pointUnit");
                rec["points_to_next_level"] = Json.Float(l, "pointsToNextLevel");
            }
            else
            {
                rec["miles"] = Json.Float(l, "miles");
                rec["miles_to_next_level"] = Json.Float(l, "milesToNextLevel");
            }

            rec["level"] = Json.Str(l, "level");
            rec["joined"] = Json.Str(l, "joined");
            if (shape == Shape.AirFull)
            {
                AddAirPreferences(rec, l);
            }

            rec["traveller_id"] = travellerId;
            RecordStart.Stamp(rec, parent.Stamp);
            rec["extended_data"] = ExtendedData.Encode(l);
            output.Add(rec);
            if (transactions is not null)
            {
                LoyaltyTransactionRecords.Add(transactions, l, travellerId, parent.ModelVersion, txSource, ctx);
            }
        }
    }

    private static void AddAirPreferences(JsonObject rec, JsonElement l)
    {
        rec["enrollment_source"] = Json.Str(l, "enrollmentSource");
        rec["currency"] = Json.Str(l, "currency");
        rec["amount"] = Json.Float(l, "amount");
        rec["account_status"] = Json.Str(l, "accountStatus");
        rec["reason_for_close"] = Json.Str(l, "reasonForClose");
        rec["language_preference"] = Json.Str(l, "languagePreference");
        rec["display_preference"] = Json.Str(l, "displayPreference");
        rec["meal_preference"] = Json.Str(l, "mealPreference");
        rec["seat_preference"] = Json.Str(l, "seatPreference");
        rec["home_airport"] = Json.Str(l, "homeAirport");
        rec["date_time_format_preference"] = Json.Str(l, "dateTimeFormatPreference");
        rec["cabin_preference"] = Json.Str(l, "cabinPreference");
        rec["fare_type_preference"] = Json.Str(l, "fareTypePreference");
        rec["expert_mode"] = Json.Bool(l, "expertMode");
        rec["privacy_indicator"] = Json.Str(l, "privacyIndicator");
        rec["car_preference_vendor"] = Json.Str(l, "carPreferenceVendor");
        rec["car_preference_type"] = Json.Str(l, "carPreferenceType");
        for (var i = 1; i <= 5; i++)
        {
            rec["special_accommodation_" + i] = Json.Str(l, "specialAccommodation" + i);
        }

        rec["marketing_opt_ins"] = Json.Str(l, "marketingOptIns");
        rec["renew_date"] = Json.Str(l, "renewDate");
        rec["next_bill_amount"] = Json.Float(l, "nextBillAmount");
        rec["clear_enroll_date"] = Json.Str(l, "clearEnrollDate");
        rec["clear_renew_date"] = Json.Str(l, "clearRenewDate");
        rec["clear_tier_level"] = Json.Str(l, "clearTierLevel");
        rec["clear_next_bill_amount"] = Json.Float(l, "clearNextBillAmount");
        rec["clear_is_active"] = Json.Bool(l, "clearIsActive");
        rec["clear_auto_renew"] = Json.Bool(l, "clearAutoRenew");
        rec["clear_has_biometrics"] = Json.Bool(l, "clearHasBiometrics");
        rec["clear_has_partner_pricing"] = Json.Bool(l, "clearHasPartnerPricing");
        rec["tsa_type"] = Json.Str(l, "tsaType");
        rec["tsa_seq_num"] = Json.Str(l, "tsaSeqNum");
        rec["tsa_number"] = Json.Str(l, "tsaNumber");
    }
}
