using System.Text.Json.Nodes;

namespace Upt.Feed.Synthetic;

/// <summary>The schema-shaped person block (profile, passenger, hotel holder) of a synthetic traveller.</summary>
internal static class PersonJson
{
    public static JsonObject Build(SyntheticPerson p, string lastUpdatedOn, bool withLoyalty, bool hotel)
    {
        var person = new JsonObject
        {
            ["modelVersion"] = "1.2.0",
            ["id"] = p.Id,
            ["lastUpdatedOn"] = lastUpdatedOn,
            ["lastUpdatedBy"] = "synthetic-feed",
            ["honorific"] = p.Honorific,
            ["firstName"] = p.FirstName,
            ["middleName"] = p.MiddleName,
            ["lastName"] = p.LastName,
            ["gender"] = p.Gender,
            ["dateOfBirth"] = p.BirthDate,
            ["jobTitle"] = p.JobTitle,
            ["parentCompany"] = p.Company,
            ["language"] = new JsonObject { ["code"] = p.Language },
            ["nationality"] = new JsonObject { ["code"] = p.Country },
            ["emails"] = Emails(p),
            ["phones"] = new JsonArray(
                new JsonObject { ["type"] = "home", ["number"] = p.Phone, ["countryCode"] = 1 },
                new JsonObject { ["type"] = "mobile", ["number"] = p.MobilePhone, ["countryCode"] = 1, ["primary"] = true }),
            ["addresses"] = new JsonArray(new JsonObject
            {
                ["type"] = "home",
                ["line1"] = p.Street,
                ["city"] = p.City,
                ["postalCode"] = p.PostalCode,
                ["country"] = new JsonObject { ["code"] = p.Country },
                ["primary"] = true,
            }),
            ["loyaltyPrograms"] = withLoyalty ? Loyalty(p, hotel) : new JsonArray(),
            ["alternateProfileIds"] = new JsonArray(new JsonObject { ["name"] = "crm", ["value"] = "crm-" + p.Id, ["description"] = "CRM id" }),
        };
        return person;
    }

    private static JsonArray Emails(SyntheticPerson p)
    {
        var emails = new JsonArray(new JsonObject { ["type"] = "personal", ["address"] = p.Email, ["primary"] = true });
        if (p.BusinessEmail.Length > 0)
        {
            emails.Add(new JsonObject { ["type"] = "business", ["address"] = p.BusinessEmail });
        }

        return emails;
    }

    private static JsonArray Loyalty(SyntheticPerson p, bool hotel)
    {
        var program = new JsonObject
        {
            ["id"] = p.LoyaltyId,
            ["programName"] = hotel ? "StayMore" : "FlyFar",
            ["level"] = p.LoyaltyLevel,
            ["joined"] = "2020-01-15T00:00:00.000000Z",
        };
        program[hotel ? "points" : "miles"] = 1000 + (int.Parse(p.LoyaltyId.AsSpan(2), System.Globalization.CultureInfo.InvariantCulture) * 37 % 50_000);
        return new JsonArray(program);
    }
}
