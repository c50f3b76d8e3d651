namespace Upt.Transforms.Records;

/// <summary>
/// Which flat fields each record type promotes to the profile (UPT mapping tables, upt-transform §5 / upt-core §1.2).
/// Deliberate difference: <c>cc_cvv</c> is promoted nowhere (card security codes never pass the edge).
/// </summary>
public static class ProfileFieldMap
{
    /// <summary>Flat field holding the traveller (profile) id.</summary>
    public const string TravellerIdField = RecordFields.TravellerId;

    /// <summary>Flat field holding the per-traveller object key.</summary>
    public const string ObjectIdField = RecordFields.ObjectId;

    /// <summary>Flat field holding the record timestamp used for last-writer-wins.</summary>
    public const string LastUpdatedField = RecordFields.LastUpdated;

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<ProfileFieldMapping>> Map = Build();

    /// <summary>Promoted fields of <paramref name="flatType"/>; empty for types that only carry the traveller id.</summary>
    public static IReadOnlyList<ProfileFieldMapping> For(string flatType) =>
        Map.TryGetValue(flatType, out var list) ? list : throw new ArgumentOutOfRangeException(nameof(flatType), flatType, "unknown flat record type");

    private static Dictionary<string, IReadOnlyList<ProfileFieldMapping>> Build()
    {
        var map = new Dictionary<string, IReadOnlyList<ProfileFieldMapping>>(StringComparer.Ordinal)
        {
            [FlatRecordTypes.AirBooking] = [.. Person(namesSearchable: true), .. Payment(), .. Attrs("last_booking_id", "pss_id", "gds_id")],
            [FlatRecordTypes.HotelBooking] = [.. Person(namesSearchable: true), .. Payment(), .. Attrs("last_booking_id", "pms_id", "crs_id", "gds_id")],
            [FlatRecordTypes.PaxProfile] = Person(namesSearchable: false),
            [FlatRecordTypes.GuestProfile] = Person(namesSearchable: false),
            [FlatRecordTypes.HotelStayRevenueItems] =
            [
                new("first_name", "FirstName", true), new("last_name", "LastName", true),
                new("email", "PersonalEmailAddress", true), new("phone", "PhoneNumber", true),
            ],
            [FlatRecordTypes.CustomerServiceInteraction] =
            [
                new("first_name", "FirstName", true), new("last_name", "LastName", true),
                new("email", "PersonalEmailAddress", true), new("email_business", "BusinessEmailAddress", true),
                new("phone_number", "PhoneNumber", true), new("tsa_precheck_number", "Attributes.tsa_precheck_number", true),
            ],
            [FlatRecordTypes.Clickstream] =
            [
                new("customer_first_name", "FirstName", true), new("customer_last_name", "LastName", true),
                new("customer_email", "PersonalEmailAddress", true), new("customer_phone", "PhoneNumber", true),
                new("customer_gender", "Gender", true), new("customer_birthdate", "BirthDate", true),
                new("customer_country", "Address.Country", true), new("customer_nationality", "Attributes.nationality_name", true),
                new("customer_loyalty_id", "Attributes.loyalty_id", false),
            ],
            [FlatRecordTypes.AirLoyalty] = [new("id", "Attributes.loyalty_id", false)],
            [FlatRecordTypes.HotelLoyalty] = [new("id", "Attributes.loyalty_id", false)],
        };
        foreach (var type in FlatRecordTypes.All)
        {
            map.TryAdd(type, []);
        }

        return map;
    }

    private static List<ProfileFieldMapping> Person(bool namesSearchable)
    {
        List<ProfileFieldMapping> list =
        [
            new("first_name", "FirstName", namesSearchable),
            new("middle_name", "MiddleName", namesSearchable),
            new("last_name", "LastName", true),
            new("email", "PersonalEmailAddress", true),
            new("email_business", "BusinessEmailAddress", false),
            new("phone", "PhoneNumber", true),
            new("phone_home", "HomePhoneNumber", false),
            new("phone_mobile", "MobilePhoneNumber", false),
            new("phone_business", "BusinessPhoneNumber", false),
            new("company", "BusinessName", false),
            new("gender", "Gender", false),
            new("date_of_birth", "BirthDate", false),
            .. Attrs("honorific", "pronoun", "job_title", "nationality_code", "nationality_name", "language_code", "language_name"),
        ];

        // UPT maps the "business" address slot to the profile's ShippingAddress (§9 A7); kept so profiles match UPT.
        foreach (var (prefix, target) in (ReadOnlySpan<(string, string)>)[("address_", "Address"), ("address_billing_", "BillingAddress"), ("address_mailing_", "MailingAddress"), ("address_business_", "ShippingAddress")])
        {
            list.Add(new(prefix + "line1", target + ".Address1", false));
            list.Add(new(prefix + "line2", target + ".Address2", false));
            list.Add(new(prefix + "line3", target + ".Address3", false));
            list.Add(new(prefix + "line4", target + ".Address4", false));
            list.Add(new(prefix + "city", target + ".City", false));
            list.Add(new(prefix + "state", target + ".State", false));
            list.Add(new(prefix + "province", target + ".Province", false));
            list.Add(new(prefix + "postal_code", target + ".PostalCode", false));
            list.Add(new(prefix + "country", target + ".Country", false));
        }

        return list;
    }

    // cc_cvv deliberately absent: never promote a card security code (PCI-DSS), see docs/upt-divergences.md.
    private static IEnumerable<ProfileFieldMapping> Payment() => Attrs("payment_type", "cc_token", "cc_type", "cc_exp", "cc_name");

    private static IEnumerable<ProfileFieldMapping> Attrs(params string[] fields) =>
        fields.Select(f => new ProfileFieldMapping(f, "Attributes." + f, false));
}
