using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Upt.Feed.Febrl;

/// <summary>Maps a FEBRL row to a UPT <c>guest_profile</c> business object; each row is its own traveller.</summary>
public static class FebrlToGuestProfile
{
    /// <summary>Programme name given to the FEBRL soc_sec_id when it is used as a loyalty id.</summary>
    public const string ProgramName = "febrl";

    /// <summary>A fixed, valid timestamp: FEBRL rows carry none, and a fixed one keeps runs reproducible.</summary>
    public const string LastUpdatedOn = "2024-01-01T00:00:00.000Z";

    /// <summary>The business object JSON; <paramref name="withLoyaltyId"/> false leaves the soc_sec_id out (the --without-id run).</summary>
    public static JsonObject Map(FebrlRecord r, bool withLoyaltyId)
    {
        ArgumentNullException.ThrowIfNull(r);
        var line1 = string.Join(' ', new[] { r.StreetNumber, r.Address1 }.Where(s => s.Length > 0));
        var profile = new JsonObject
        {
            ["id"] = Clean(r.RecId),
            ["lastUpdatedOn"] = LastUpdatedOn,
            ["lastUpdatedBy"] = "febrl",
            ["firstName"] = Clean(r.GivenName),
            ["lastName"] = Clean(r.Surname),
            ["dateOfBirth"] = Date(Clean(r.DateOfBirth)),
            ["addresses"] = new JsonArray(new JsonObject
            {
                ["type"] = "home",
                ["line1"] = Clean(line1),
                ["line2"] = Clean(r.Address2),
                ["city"] = Clean(r.Suburb),
                ["postalCode"] = Clean(r.Postcode),
                ["state"] = new JsonObject { ["code"] = Clean(r.State) },
                ["country"] = new JsonObject { ["code"] = "AU" },
                ["primary"] = true,
            }),
            ["loyaltyPrograms"] = withLoyaltyId && r.SocSecId.Length > 0
                ? new JsonArray(new JsonObject { ["id"] = Clean(r.SocSecId), ["programName"] = ProgramName })
                : new JsonArray(),
        };
        return profile;
    }

    /// <summary>yyyymmdd → yyyy-mm-dd when it is a real date; otherwise the value as given (a typo'd date is still evidence).</summary>
    public static string Date(string value) =>
        DateTime.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : value;

    /// <summary>
    /// Replaces the characters UPT rejects in single-line fields (backslash, control characters, braces, angle
    /// brackets, caret, equals) with spaces and trims: a stray character must not cost the whole record.
    /// </summary>
    public static string Clean(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            sb.Append(char.IsControl(c) || c is '\\' or '{' or '}' or '<' or '>' or '^' or '=' ? ' ' : c);
        }

        var s = sb.ToString().Trim();
        return s.Length > 255 ? s[..255] : s;
    }
}
