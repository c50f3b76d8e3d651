using Upt.Transforms.Records;

namespace Upt.Rules;

/// <summary>
/// The columns of each flat record type that conditions may name: UPT's object mappings (the field lists of
/// <c>ucp-backend/test_assets/&lt;type&gt;_fields.csv</c>), without <c>extended_data</c>, which is not a column to
/// match on, and without <c>cc_cvv</c> (Upt never keeps a card security code). Includes the few mapped columns the transforms never fill, so UPT rule sets naming them still save.
/// </summary>
internal static class ObjectRuleFields
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ByType { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [FlatRecordTypes.AirBooking] =
        [
            "accp_object_id", "address_billing_city", "address_billing_country", "address_billing_is_primary",
            "address_billing_line1", "address_billing_line2", "address_billing_line3", "address_billing_line4",
            "address_billing_postal_code", "address_billing_province", "address_billing_state",
            "address_business_city", "address_business_country", "address_business_is_primary",
            "address_business_line1", "address_business_line2", "address_business_line3", "address_business_line4",
            "address_business_postal_code", "address_business_province", "address_business_state", "address_city",
            "address_country", "address_is_primary", "address_line1", "address_line2", "address_line3",
            "address_line4", "address_mailing_city", "address_mailing_country", "address_mailing_is_primary",
            "address_mailing_line1", "address_mailing_line2", "address_mailing_line3", "address_mailing_line4",
            "address_mailing_postal_code", "address_mailing_province", "address_mailing_state", "address_postal_code",
            "address_province", "address_state", "address_type", "arrival_date", "arrival_time", "booker_id",
            "booking_id", "cc_exp", "cc_name", "cc_token", "cc_type", "channel", "company",
            "creation_channel_id", "date_of_birth", "day_of_travel_email", "day_of_travel_phone", "departure_date",
            "departure_time", "email", "email_business", "email_primary", "email_type", "first_name", "flight_number",
            "from", "gds_id", "gender", "honorific", "job_title", "language_code", "language_name", "last_booking_id",
            "last_name", "last_update_channel_id", "last_updated", "last_updated_by", "last_updated_partition",
            "middle_name", "model_version", "nationality_code", "nationality_name", "object_type", "payment_type",
            "phone", "phone_business", "phone_home", "phone_mobile", "phone_primary", "phone_type", "price", "pronoun",
            "pss_id", "segment_id", "status", "to", "traveller_id", "traveller_price", "tx_id",
        ],
        [FlatRecordTypes.AirLoyalty] =
        [
            "account_status", "accp_object_id", "amount", "cabin_preference", "car_preference_type",
            "car_preference_vendor", "clear_auto_renew", "clear_enroll_date", "clear_has_biometrics",
            "clear_has_partner_pricing", "clear_is_active", "clear_next_bill_amount", "clear_renew_date",
            "clear_tier_level", "currency", "date_time_format_preference", "display_preference", "enrollment_source",
            "expert_mode", "fare_type_preference", "home_airport", "id", "joined", "language_preference",
            "last_updated", "last_updated_by", "last_updated_partition", "level", "marketing_opt_ins",
            "meal_preference", "miles", "miles_to_next_level", "model_version", "next_bill_amount", "object_type",
            "privacy_indicator", "program_name", "reason_for_close", "renew_date", "seat_preference",
            "special_accommodation_1", "special_accommodation_2", "special_accommodation_3", "special_accommodation_4",
            "special_accommodation_5", "traveller_id", "tsa_number", "tsa_seq_num", "tsa_type", "tx_id",
        ],
        [FlatRecordTypes.AlternateProfileId] =
        [
            "accp_object_id", "description", "last_updated", "model_version", "name", "object_type", "traveller_id",
            "tx_id", "value",
        ],
        [FlatRecordTypes.AncillaryService] =
        [
            "accp_object_id", "ancillary_type", "baggage_type", "booking_id", "change_type", "currency",
            "departure_date", "dimentions_height", "dimentions_length", "dimentions_width", "flight_number",
            "hands_free_baggage", "last_updated", "last_updated_by", "last_updated_partition", "lot_bag_insurance",
            "lounge_access", "model_version", "neighbor_free_seat", "object_type", "other_ancilliary_type",
            "pax_index", "price", "priority_bag_drop", "priority_bag_return", "priority_service_type", "quantity",
            "seat_number", "seat_zone", "traveller_id", "tx_id", "upgrade_auction", "valuable_baggage_insurance",
            "weight",
        ],
        [FlatRecordTypes.Clickstream] =
        [
            "accp_object_id", "arrival_timestamp", "aws_account_id", "booking_id", "checkin_date", "checkout_date",
            "currency", "custom", "custom_event_name", "customer_birthdate", "customer_country", "customer_email",
            "customer_event_name", "customer_first_name", "customer_gender", "customer_id", "customer_last_name",
            "customer_loyalty_id", "customer_nationality", "customer_phone", "customer_type", "destination",
            "ecommerce_action", "error", "event_timestamp", "event_type", "event_version", "fare_class", "fare_type",
            "flight_market", "flight_numbers", "flight_segment_sku", "flight_segments",
            "flight_segments_arrival_date_time", "flight_segments_departure_date_time", "flight_type", "geofence_id",
            "geofence_latitude", "geofence_longitude", "geofence_name", "hotel_code", "hotel_code_list", "hotel_name",
            "ip_address", "language_code", "last_updated", "last_updated_partition", "length_of_stay", "loyalty_id",
            "model_version", "num_guest_adults", "num_guest_children", "num_guests", "num_nights", "num_pax_adults",
            "num_pax_children", "num_pax_inf", "object_type", "order_payment_type", "order_promo_code", "origin",
            "origin_date", "origin_date_time", "origin_flight_route", "page_name", "page_type_environment", "pax_type",
            "poi_id", "products", "products_prices", "quantities", "rate_plan", "return_date", "return_date_time",
            "return_flight_route", "returning_date", "returning_date_time", "returning_flight_route", "room_type",
            "selected_seats", "session_id", "total_passengers", "transaction_id", "traveller_id", "tx_id", "url",
            "user_agent",
        ],
        [FlatRecordTypes.CustomerServiceInteraction] =
        [
            "accp_object_id", "booking_id", "campaign_job_id", "campaign_name", "campaign_product", "campaign_program",
            "campaign_strategy", "cart_id", "category", "channel", "conversation", "duration", "email",
            "email_business", "end_time", "first_name", "interaction_type", "is_voice_otp", "language_code",
            "language_name", "last_name", "last_updated", "last_updated_partition", "loyalty_id",
            "loyalty_program_name", "model_version", "object_type", "phone_number", "related_booking_id1",
            "related_booking_id2", "related_booking_id3", "related_loyalty_id1", "related_loyalty_id2",
            "related_loyalty_id3", "start_time", "status", "subject", "summary", "traveller_id", "tsa_precheck_number",
            "tx_id",
        ],
        [FlatRecordTypes.EmailHistory] =
        [
            "accp_object_id", "address", "is_verified", "last_updated", "last_updated_by", "last_updated_partition",
            "model_version", "object_type", "traveller_id", "tx_id", "type",
        ],
        [FlatRecordTypes.GuestProfile] =
        [
            "accp_object_id", "address_billing_city", "address_billing_country", "address_billing_is_primary",
            "address_billing_line1", "address_billing_line2", "address_billing_line3", "address_billing_line4",
            "address_billing_postal_code", "address_billing_province", "address_billing_state",
            "address_business_city", "address_business_country", "address_business_is_primary",
            "address_business_line1", "address_business_line2", "address_business_line3", "address_business_line4",
            "address_business_postal_code", "address_business_province", "address_business_state", "address_city",
            "address_country", "address_is_primary", "address_line1", "address_line2", "address_line3",
            "address_line4", "address_mailing_city", "address_mailing_country", "address_mailing_is_primary",
            "address_mailing_line1", "address_mailing_line2", "address_mailing_line3", "address_mailing_line4",
            "address_mailing_postal_code", "address_mailing_province", "address_mailing_state", "address_postal_code",
            "address_province", "address_state", "address_type", "company", "created_by", "created_on",
            "date_of_birth", "email", "email_business", "email_primary", "email_type", "first_name", "gender",
            "honorific", "job_title", "language_code", "language_name", "last_name", "last_updated", "last_updated_by",
            "last_updated_partition", "middle_name", "model_version", "nationality_code", "nationality_name",
            "object_type", "phone", "phone_business", "phone_home", "phone_mobile", "phone_primary", "phone_type",
            "pronoun", "traveller_id", "tx_id",
        ],
        [FlatRecordTypes.HotelBooking] =
        [
            "accp_object_id", "add_on_codes", "add_on_descriptions", "add_on_names", "address_billing_city",
            "address_billing_country", "address_billing_is_primary", "address_billing_line1", "address_billing_line2",
            "address_billing_line3", "address_billing_line4", "address_billing_postal_code",
            "address_billing_province", "address_billing_state", "address_business_city", "address_business_country",
            "address_business_is_primary", "address_business_line1", "address_business_line2",
            "address_business_line3", "address_business_line4", "address_business_postal_code",
            "address_business_province", "address_business_state", "address_city", "address_country",
            "address_is_primary", "address_line1", "address_line2", "address_line3", "address_line4",
            "address_mailing_city", "address_mailing_country", "address_mailing_is_primary", "address_mailing_line1",
            "address_mailing_line2", "address_mailing_line3", "address_mailing_line4", "address_mailing_postal_code",
            "address_mailing_province", "address_mailing_state", "address_postal_code", "address_province",
            "address_state", "address_type", "attribute_codes", "attribute_descriptions", "attribute_names",
            "booker_id", "booking_id", "cc_exp", "cc_name", "cc_token", "cc_type", "check_in_date",
            "company", "creation_channel_id", "crs_id", "date_of_birth", "email", "email_business", "email_primary",
            "email_type", "first_name", "gds_id", "gender", "honorific", "hotel_code", "job_title", "language_code",
            "language_name", "last_booking_id", "last_name", "last_update_channel_id", "last_updated",
            "last_updated_by", "last_updated_partition", "middle_name", "model_version", "n_guests", "n_nights",
            "nationality_code", "nationality_name", "object_type", "payment_type", "phone", "phone_business",
            "phone_home", "phone_mobile", "phone_primary", "phone_type", "pms_id", "product_id", "pronoun",
            "rate_plan_code", "rate_plan_description", "rate_plan_name", "room_type_code", "room_type_description",
            "room_type_name", "segment_id", "status", "totalAfterTax", "totalBeforeTax", "total_segment_after_tax",
            "total_segment_before_tax", "traveller_id", "tx_id",
        ],
        [FlatRecordTypes.HotelLoyalty] =
        [
            "accp_object_id", "id", "joined", "last_updated", "last_updated_by", "last_updated_partition", "level",
            "model_version", "object_type", "points", "points_to_next_level", "program_name", "traveller_id", "tx_id",
            "units",
        ],
        [FlatRecordTypes.HotelStayRevenueItems] =
        [
            "accp_object_id", "amount", "booking_id", "created_by", "created_on", "currency_code", "currency_name",
            "currency_symbol", "date", "description", "email", "first_name", "hotel_code", "id", "last_name",
            "last_updated", "last_updated_by", "last_updated_partition", "model_version", "object_type", "phone",
            "start_date", "traveller_id", "tx_id", "type",
        ],
        [FlatRecordTypes.LoyaltyTransaction] =
        [
            "accp_object_id", "activity_day", "amount", "amount_type", "booking_date", "category", "corporate_id",
            "corporate_reference_number", "document_number", "event_name", "expire_in_days", "from_loyalty_id",
            "last_updated", "last_updated_by", "last_updated_partition", "location", "model_version", "object_type",
            "order_number", "organization_code", "origin_points_offset", "points_offset", "points_unit", "product_id",
            "program_name", "promotions", "qualifying_point_offset", "source", "to_loyalty_id", "traveller_id",
            "tx_id", "voucher_quantity",
        ],
        [FlatRecordTypes.PaxProfile] =
        [
            "accp_object_id", "address_billing_city", "address_billing_country", "address_billing_is_primary",
            "address_billing_line1", "address_billing_line2", "address_billing_line3", "address_billing_line4",
            "address_billing_postal_code", "address_billing_province", "address_billing_state",
            "address_business_city", "address_business_country", "address_business_is_primary",
            "address_business_line1", "address_business_line2", "address_business_line3", "address_business_line4",
            "address_business_postal_code", "address_business_province", "address_business_state", "address_city",
            "address_country", "address_is_primary", "address_line1", "address_line2", "address_line3",
            "address_line4", "address_mailing_city", "address_mailing_country", "address_mailing_is_primary",
            "address_mailing_line1", "address_mailing_line2", "address_mailing_line3", "address_mailing_line4",
            "address_mailing_postal_code", "address_mailing_province", "address_mailing_state", "address_postal_code",
            "address_province", "address_state", "address_type", "company", "created_by", "created_on",
            "date_of_birth", "email", "email_business", "email_primary", "email_type", "first_name", "gender",
            "honorific", "id", "job_title", "language_code", "language_name", "last_name", "last_updated",
            "last_updated_by", "last_updated_partition", "middle_name", "model_version", "nationality_code",
            "nationality_name", "object_type", "phone", "phone_business", "phone_home", "phone_mobile",
            "phone_primary", "phone_type", "pronoun", "traveller_id", "tx_id",
        ],
        [FlatRecordTypes.PhoneHistory] =
        [
            "accp_object_id", "country_code", "is_verified", "last_updated", "last_updated_by",
            "last_updated_partition", "model_version", "number", "object_type", "traveller_id", "tx_id", "type",
        ],
    };
}
