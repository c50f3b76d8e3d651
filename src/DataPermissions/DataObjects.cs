namespace Upt.DataPermissions;

/// <summary>
/// The object names a grant may name: <see cref="Traveller"/> (the profile-level fields) and one per record list of the
/// 360 view, by the record type the API stores (<c>air_booking</c>, <c>hotel_stay_revenue_items</c>, ...). UPT's
/// <c>hotel_stay</c> is accepted as another name of the stay revenue records. Unknown names parse but grant nothing, as in UPT.
/// </summary>
public static class DataObjects
{
    /// <summary>The profile-level fields (names, contact, addresses, attributes, ids).</summary>
    public const string Traveller = "traveller";

    /// <summary>The record types, each with its own grant (UPT governed ancillary records by the loyalty_transaction grant).</summary>
    public static IReadOnlyList<string> RecordTypes { get; } =
    [
        "air_booking", "air_loyalty", "alternate_profile_id", "ancillary_service", "clickstream", "customer_service_interaction",
        "email_history", "guest_profile", "hotel_booking", "hotel_loyalty", "hotel_stay_revenue_items", "loyalty_transaction",
        "pax_profile", "phone_history",
    ];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["hotel_stay"] = "hotel_stay_revenue_items",
    };

    private static readonly HashSet<string> Known = new([Traveller, .. RecordTypes], StringComparer.Ordinal);

    /// <summary>Every name a grant may use, aliases included.</summary>
    public static IReadOnlyList<string> Names { get; } = [Traveller, .. RecordTypes, .. Aliases.Keys];

    /// <summary>The name grants are kept under: <paramref name="name"/> itself, or the record type an alias stands for.</summary>
    public static string Canonical(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Aliases.GetValueOrDefault(name, name);
    }

    /// <summary>True when <paramref name="name"/> (or the record type it is an alias of) is an object the API returns.</summary>
    public static bool IsKnown(string name) => Known.Contains(Canonical(name));
}
