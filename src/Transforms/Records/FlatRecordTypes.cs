namespace Upt.Transforms.Records;

/// <summary>The 14 flat record types (<c>object_type</c> values) the transforms emit, one storage mapping each.</summary>
public static class FlatRecordTypes
{
    public const string AirBooking = "air_booking";
    public const string EmailHistory = "email_history";
    public const string PhoneHistory = "phone_history";
    public const string AirLoyalty = "air_loyalty";
    public const string AncillaryService = "ancillary_service";
    public const string AlternateProfileId = "alternate_profile_id";
    public const string PaxProfile = "pax_profile";
    public const string LoyaltyTransaction = "loyalty_transaction";
    public const string GuestProfile = "guest_profile";
    public const string HotelLoyalty = "hotel_loyalty";
    public const string HotelBooking = "hotel_booking";
    public const string HotelStayRevenueItems = "hotel_stay_revenue_items";
    public const string CustomerServiceInteraction = "customer_service_interaction";
    public const string Clickstream = "clickstream";

    /// <summary>All 14 names.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        AirBooking, EmailHistory, PhoneHistory, AirLoyalty, AncillaryService, AlternateProfileId, PaxProfile,
        LoyaltyTransaction, GuestProfile, HotelLoyalty, HotelBooking, HotelStayRevenueItems, CustomerServiceInteraction, Clickstream,
    ];

    /// <summary>True for one of the 14 names (ordinal, case-sensitive).</summary>
    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);
}
