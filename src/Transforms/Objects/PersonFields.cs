using System.Text.Json;
using System.Text.Json.Nodes;
using Upt.Transforms.Common;

namespace Upt.Transforms.Objects;

/// <summary>Name, identity and contact-summary fields shared by profile and booking records (UPT §3.7).</summary>
internal static class PersonFields
{
    public static void AddNames(JsonObject rec, JsonElement person)
    {
        rec["honorific"] = Json.Str(person, "honorific");
        rec["first_name"] = Json.Str(person, "firstName");
        rec["middle_name"] = Json.Str(person, "middleName");
        rec["last_name"] = Json.Str(person, "lastName");
        rec["gender"] = Json.Str(person, "gender");
        rec["pronoun"] = Json.Str(person, "pronoun");
        rec["date_of_birth"] = Json.Str(person, "dateOfBirth");
        rec["job_title"] = Json.Str(person, "jobTitle");
        rec["company"] = Json.Str(person, "parentCompany");
    }

    public static void AddNationalityAndLanguage(JsonObject rec, JsonElement source)
    {
        rec["nationality_code"] = Json.Nested(source, "nationality", "code");
        rec["nationality_name"] = Json.Nested(source, "nationality", "name");
        rec["language_code"] = Json.Nested(source, "language", "code");
        rec["language_name"] = Json.Nested(source, "language", "name");
    }

    /// <summary>email / email_business / email_primary: the last entry of each kind wins (UPT behaviour, kept).</summary>
    public static void AddEmailSummary(JsonObject rec, JsonElement person)
    {
        string? business = string.Empty, personal = string.Empty, primary = string.Empty;
        foreach (var raw in Json.List(person, "emails"))
        {
            var e = Json.Item(raw, "emails");
            var type = Json.Text(e, "type");
            var address = Json.Str(e, "address");
            if (string.Equals(type, "business", StringComparison.OrdinalIgnoreCase))
            {
                business = address;
            }
            else
            {
                personal = address;
            }

            if (Json.Truthy(Json.Get(e, "primary")))
            {
                primary = type.ToLowerInvariant();
            }
        }

        rec["email_business"] = business;
        rec["email"] = personal;
        rec["email_primary"] = primary;
    }

    /// <summary>phone / phone_home / phone_mobile / phone_business / phone_primary; last entry of each kind wins.</summary>
    public static void AddPhoneSummary(JsonObject rec, JsonElement person)
    {
        string? other = string.Empty, home = string.Empty, mobile = string.Empty, business = string.Empty, primary = string.Empty;
        foreach (var raw in Json.List(person, "phones"))
        {
            var p = Json.Item(raw, "phones");
            var type = Json.Text(p, "type");
            var number = ContactRecords.PhoneNumber(p);
            switch (type.ToLowerInvariant())
            {
                case "home": home = number; break;
                case "mobile": mobile = number; break;
                case "business": business = number; break;
                default: other = number; break;
            }

            if (Json.Truthy(Json.Get(p, "primary")))
            {
                primary = type.ToLowerInvariant();
            }
        }

        rec["phone"] = other;
        rec["phone_home"] = home;
        rec["phone_mobile"] = mobile;
        rec["phone_business"] = business;
        rec["phone_primary"] = primary;
    }
}
