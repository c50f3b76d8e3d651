using System.Text.Json.Nodes;

namespace Upt.Grains.Tests;

/// <summary>Guest profiles with a birth date and a home address, for fuzzy-matching tests (no shared ids unless given).</summary>
internal static class Travellers
{
    public static JsonObject Guest(
        string id, string firstName, string lastName, string email, string lastUpdatedOn,
        string? dateOfBirth = null, string? line1 = null, string? city = null, string? postalCode = null)
    {
        var profile = Envelopes.GuestProfile(id, firstName, lastName, email, lastUpdatedOn);
        if (dateOfBirth is not null)
        {
            profile["dateOfBirth"] = dateOfBirth;
        }

        if (line1 is not null)
        {
            profile["addresses"] = new JsonArray(new JsonObject
            {
                ["type"] = "home",
                ["line1"] = line1,
                ["city"] = city,
                ["postalCode"] = postalCode,
                ["country"] = new JsonObject { ["code"] = "AU" },
            });
        }

        return profile;
    }
}
