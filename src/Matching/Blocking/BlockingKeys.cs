namespace Upt.Matching.Blocking;

/// <summary>
/// Blocking keys: a candidate is compared only with candidates that share a key. Each key family survives a
/// different kind of corruption, so a true duplicate needs only one family intact to be found: names with the
/// birth year (address changed), names with the postcode (date wrong), the full date with an initial (names
/// misspelt), the address (names and date wrong), and the strong identifiers. Keys are short
/// (prefix + a few characters) so they can name identifier grains later (<c>{domain}/fuzzy/{key}</c>).
/// </summary>
public static class BlockingKeys
{
    /// <summary>The distinct keys of <paramref name="c"/>; empty parts never produce a key (placeholders are already removed).</summary>
    public static IReadOnlyList<string> For(MatchCandidate c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var keys = new List<string>(12);
        var year = c.BirthDate.HasParts ? c.BirthDate.Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) : "";
        void Add(string prefix, string a, string b)
        {
            if (a.Length > 0 && b.Length > 0)
            {
                keys.Add(prefix + a + "." + b);
            }
        }

        Add("sy:", c.SurnameCode, year);
        Add("gy:", c.GivenNameCode, year);
        Add("sp:", c.SurnameCode, c.PostalCode);
        Add("gp:", c.GivenNameCode, c.PostalCode);

        // Name pair in sorted order, so swapped given name and surname still share it.
        var (first, second) = string.CompareOrdinal(c.GivenNameCode, c.SurnameCode) <= 0 ? (c.GivenNameCode, c.SurnameCode) : (c.SurnameCode, c.GivenNameCode);
        Add("nn:", first, second);

        var date = c.BirthDate.Digits;
        Add("dg:", date, Initial(c.GivenName));
        Add("ds:", date, Initial(c.Surname));
        Add("pn:", c.PostalCode, c.StreetNumber);

        foreach (var email in c.Emails)
        {
            var local = Normalisation.EmailNormaliser.LocalPart(email);
            // Very short local parts ("jo", "a") are shared by strangers across domains.
            if (local.Length >= 4)
            {
                keys.Add("em:" + local);
            }
        }

        foreach (var phone in c.Phones)
        {
            keys.Add("ph:" + phone);
        }

        foreach (var id in c.LoyaltyIds)
        {
            keys.Add("ly:" + id.Program + "." + id.Id);
        }

        return keys.Distinct(StringComparer.Ordinal).ToArray();
    }

    private static string Initial(string name) => name.Length > 0 ? name[..1] : "";
}
