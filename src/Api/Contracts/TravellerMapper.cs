using System.Text.Json.Nodes;
using Upt.Grains;

namespace Upt.Api.Contracts;

/// <summary>
/// Renders a profile in the shape of UPT's traveller360 view (<c>upt/schemas/traveller360</c>): camelCase
/// profile fields, four address blocks and one record list per object type.
/// </summary>
public static class TravellerMapper
{
    private static readonly Dictionary<string, string> Scalars = new(StringComparer.Ordinal)
    {
        ["FirstName"] = "firstName", ["MiddleName"] = "middleName", ["LastName"] = "lastName",
        ["Gender"] = "gender", ["BirthDate"] = "birthDate", ["BusinessName"] = "companyName",
        ["PhoneNumber"] = "phoneNumber", ["MobilePhoneNumber"] = "mobilePhoneNumber",
        ["HomePhoneNumber"] = "homePhoneNumber", ["BusinessPhoneNumber"] = "businessPhoneNumber",
        ["PersonalEmailAddress"] = "personalEmailAddress", ["BusinessEmailAddress"] = "businessEmailAddress",
        ["Attributes.honorific"] = "honorific", ["Attributes.pronoun"] = "pronoun", ["Attributes.job_title"] = "jobTitle",
        ["Attributes.nationality_code"] = "nationalityCode", ["Attributes.nationality_name"] = "nationalityName",
        ["Attributes.language_code"] = "languageCode", ["Attributes.language_name"] = "languageName",
        ["Attributes.pss_id"] = "pssId", ["Attributes.gds_id"] = "gdsId", ["Attributes.pms_id"] = "pmsId", ["Attributes.crs_id"] = "crsId",
    };

    // UPT maps the "business" address slot to ShippingAddress; its traveller view calls it businessAddress.
    private static readonly Dictionary<string, string> Addresses = new(StringComparer.Ordinal)
    {
        ["Address"] = "homeAddress", ["ShippingAddress"] = "businessAddress",
        ["MailingAddress"] = "mailingAddress", ["BillingAddress"] = "billingAddress",
    };

    /// <summary>Record list name per object type.</summary>
    public static IReadOnlyDictionary<string, string> RecordLists { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["air_booking"] = "airBookingRecords", ["air_loyalty"] = "airLoyaltyRecords", ["loyalty_transaction"] = "lotaltyTxRecords",
        ["clickstream"] = "clickstreamRecords", ["email_history"] = "emailHistoryRecords", ["hotel_booking"] = "hotelBookingRecords",
        ["hotel_loyalty"] = "hotelLoyaltyRecords", ["hotel_stay_revenue_items"] = "hotelStayRecords", ["phone_history"] = "phoneHistoryRecords",
        ["customer_service_interaction"] = "customerServiceInteractionRecords", ["ancillary_service"] = "ancillaryServiceRecords",
        ["alternate_profile_id"] = "alternateProfileIds", ["guest_profile"] = "guestProfileRecords", ["pax_profile"] = "paxProfileRecords",
    };

    /// <summary>
    /// The top-level key of the traveller view that carries the profile field <paramref name="field"/> (e.g.
    /// <c>homeAddress</c> for <c>Address.City</c>), or null when the view does not show that field.
    /// </summary>
    public static string? ViewKeyOf(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (Scalars.TryGetValue(field, out var key))
        {
            return key;
        }

        var dot = field.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? null
            : field[..dot] == "Attributes" ? "attributes"
            : Addresses.GetValueOrDefault(field[..dot]);
    }

    /// <summary>The traveller view of a profile (records included when the view carries objects).</summary>
    public static JsonObject ToTraveller(ProfileView profile)
    {
        var traveller = new JsonObject
        {
            ["connectId"] = profile.ProfileId,
            ["travellerId"] = profile.Fields.GetValueOrDefault("Attributes.profile_id") ?? profile.TravellerIds.FirstOrDefault() ?? "",
            ["travellerIds"] = new JsonArray(profile.TravellerIds.Select(t => (JsonNode)JsonValue.Create(t)).ToArray()),
            ["domain"] = profile.Domain,
            ["lastUpdated"] = profile.LastUpdated,
            ["created"] = profile.CreatedAt,
        };

        foreach (var (field, key) in Scalars)
        {
            traveller[key] = profile.Fields.GetValueOrDefault(field, "");
        }

        foreach (var (prefix, key) in Addresses)
        {
            var block = new JsonObject();
            foreach (var part in new[] { "Address1", "Address2", "Address3", "Address4", "City", "State", "Province", "PostalCode", "Country" })
            {
                block[part] = profile.Fields.GetValueOrDefault($"{prefix}.{part}", "");
            }

            traveller[key] = block;
        }

        var attributes = new JsonObject();
        foreach (var (field, value) in profile.Fields.Where(f => f.Key.StartsWith("Attributes.", StringComparison.Ordinal) && !Scalars.ContainsKey(f.Key)).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            attributes[field["Attributes.".Length..]] = value;
        }

        traveller["attributes"] = attributes;

        foreach (var (type, page) in profile.Objects.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            var list = new JsonArray();
            foreach (var item in page.Items)
            {
                var record = JsonNode.Parse(item.Json) as JsonObject ?? new JsonObject();
                record["accpObjectID"] = item.ObjectId;
                record["travellerId"] = item.TravellerId;
                list.Add(record);
            }

            traveller[RecordLists.GetValueOrDefault(type, type + "Records")] = list;
        }

        return traveller;
    }
}
