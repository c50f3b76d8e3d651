namespace Upt.Transforms.Records;

/// <summary>The 7 envelope <c>objectType</c> values and each one's output groups in emission order (UPT §2).</summary>
public static class BusinessObjectTypes
{
    public const string AirBooking = "air_booking";
    public const string PaxProfile = "pax_profile";
    public const string GuestProfile = "guest_profile";
    public const string HotelBooking = "hotel_booking";
    public const string HotelStay = "hotel_stay";
    public const string CustomerServiceInteraction = "customer_service_interaction";
    public const string Clickstream = "clickstream";

    /// <summary>All 7 names.</summary>
    public static IReadOnlyList<string> All { get; } =
        [AirBooking, PaxProfile, GuestProfile, HotelBooking, HotelStay, CustomerServiceInteraction, Clickstream];

    /// <summary>True for one of the 7 names (ordinal).</summary>
    public static bool IsKnown(string? name) => name is not null && All.Contains(name, StringComparer.Ordinal);

    /// <summary>Group keys of <paramref name="objectType"/> in emission order.</summary>
    public static IReadOnlyList<string> GroupKeys(string objectType) => objectType switch
    {
        AirBooking => ["air_booking_recs", "common_email_recs", "common_phone_recs", "air_loyalty_recs", "ancillary_recs", "alternate_profile_id_recs"],
        PaxProfile => ["air_profile_recs", "common_email_recs", "common_phone_recs", "air_loyalty_recs", "air_loyalty_tx_recs", "alternate_profile_id_recs"],
        GuestProfile => ["guest_profile_recs", "common_email_recs", "common_phone_recs", "hotel_loyalty_recs", "hotel_loyalty_tx_recs", "alternate_profile_id_recs"],
        HotelBooking => ["hotel_booking_recs", "common_email_recs", "common_phone_recs", "guest_loyalty_recs", "alternate_profile_id_recs"],
        HotelStay => ["hotel_stay_revenue_items", "alternate_profile_id_recs"],
        CustomerServiceInteraction => ["conversation_recs", "alternate_profile_id_recs"],
        Clickstream => ["clickstream_recs", "alternate_profile_id_recs"],
        _ => throw new ArgumentOutOfRangeException(nameof(objectType), objectType, "unknown object type"),
    };
}
