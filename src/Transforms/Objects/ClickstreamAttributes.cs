namespace Upt.Transforms.Objects;

/// <summary>
/// Attribute-derived clickstream fields in emission order: output key, attribute names to look up (first present
/// wins), and whether the field is numeric (numeric fields are always emitted, 0.0 when absent).
/// </summary>
internal static class ClickstreamAttributes
{
    internal sealed record Field(string Key, string[] Sources, bool Numeric = false, bool IsUrl = false);

    public static readonly Field[] All =
    [
        new("custom_event_name", ["custom_event_name"]),
        new("destination", ["destination"]),
        new("checkin_date", ["checkin_date"]),
        new("checkout_date", ["checkout_date"]),
        new("room_type", ["room_type"]),
        new("rate_plan", ["rate_plan"]),
        new("hotel_code", ["hotel_code"]),
        new("hotel_name", ["hotel_name"]),
        new("hotel_code_list", ["hotel_code_list"]),
        new("length_of_stay", ["length_of_stay"]),
        new("num_nights", ["num_nights"], Numeric: true),
        new("num_guests", ["num_guests"], Numeric: true),
        new("num_guest_adults", ["num_guest_adults"], Numeric: true),
        new("num_guest_children", ["num_guest_children"], Numeric: true),
        new("currency", ["currency"]),
        new("quantities", ["quantities"]),
        new("products", ["products"]),
        new("products_prices", ["products_prices"]),
        new("ecommerce_action", ["ecommerce_action"]),
        new("order_payment_type", ["order_payment_type"]),
        new("order_promo_code", ["order_promo_code"]),
        new("transaction_id", ["transaction_id"]),
        new("booking_id", ["booking_id"]),
        new("geofence_latitude", ["geofence_latitude"]),
        new("geofence_longitude", ["geofence_longitude"]),
        new("geofence_id", ["geofence_id"]),
        new("geofence_name", ["geofence_name"]),
        new("poi_id", ["poi_id"]),
        new("url", ["url"], IsUrl: true),
        new("page_name", ["page_name"]),
        new("page_type_environment", ["page_type_environment"]),
        new("customer_birthdate", ["customer_birthdate"]),
        new("customer_country", ["customer_country"]),
        new("customer_email", ["customer_email"]),
        new("customer_first_name", ["customer_first_name"]),
        new("customer_gender", ["customer_gender"]),
        new("customer_id", ["customer_id"]),
        new("customer_last_name", ["customer_last_name"]),
        new("customer_nationality", ["customer_nationality"]),
        new("customer_phone", ["customer_phone"]),
        new("customer_type", ["customer_type"]),
        new("customer_loyalty_id", ["loyalty_id"]),
        new("language_code", ["language_code"]),
        new("fare_class", ["fare_class"]),
        new("fare_type", ["fare_type"]),
        new("flight_segments_departure_date_time", ["flight_segments_departure_date_time"]),
        new("flight_numbers", ["flight_segment_sku"]),
        new("flight_market", ["flight_market"]),
        new("flight_type", ["flight_type"]),
        new("origin", ["origin"]),
        new("origin_flight_route", ["origin_flight_route"]),
        new("origin_date", ["origin_date"]),
        new("origin_date_time", ["origin_date_time"]),
        new("return_date_time", ["returning_date_time"]),
        new("return_date", ["returning_date"]),
        new("return_flight_route", ["returning_flight_route"]),
        new("selected_seats", ["selected_seats"]),

        // UPT looks these two up as num_Pax_Adults/num_Pax_Children only, so real feeds always give 0.0 (§9 A2).
        new("num_pax_adults", ["num_Pax_Adults", "num_pax_adults"], Numeric: true),
        new("num_pax_inf", ["num_pax_inf"], Numeric: true),
        new("num_pax_children", ["num_Pax_Children", "num_pax_children"], Numeric: true),
        new("pax_type", ["pax_type"]),
        new("total_passengers", ["total_passengers"], Numeric: true),
        new("custom", ["custom"]),
        new("error", ["error"]),
    ];
}
