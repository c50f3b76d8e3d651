using Upt.Matching.Normalisation;
using Upt.Matching.Similarity;

namespace Upt.Matching;

/// <summary>
/// The normalised view of a person that fuzzy matching compares: what a profile can provide about who the traveller is.
/// All text is already normalised (see <see cref="FromProfileFields(IReadOnlyDictionary{string, string}, IEnumerable{LoyaltyId}, BlockedValues?)"/>),
/// and placeholders are already removed, so scoring and blocking do no string clean-up of their own.
/// </summary>
/// <param name="GivenName">Normalised given name (letters only), or empty.</param>
/// <param name="Surname">Normalised surname (letters only), or empty.</param>
/// <param name="GivenNameCode">NYSIIS code of the given name, or empty.</param>
/// <param name="SurnameCode">NYSIIS code of the surname, or empty.</param>
/// <param name="BirthDate">Birth date as given plus the parts read from it.</param>
/// <param name="AddressLine1">Address line 1, normalised words.</param>
/// <param name="AddressLine2">Address line 2, normalised words.</param>
/// <param name="AddressTokens">Words of both lines without the street number, abbreviations expanded.</param>
/// <param name="StreetNumber">The first number of the address lines, or empty.</param>
/// <param name="City">Normalised city/suburb (letters only), or empty.</param>
/// <param name="PostalCode">Postcode, upper-case letters and digits, or empty.</param>
/// <param name="State">State or province code, normalised, or empty.</param>
/// <param name="Country">Country code or name, normalised, or empty.</param>
/// <param name="Emails">Normalised email addresses.</param>
/// <param name="Phones">Normalised phone numbers (significant digits).</param>
/// <param name="LoyaltyIds">Loyalty memberships.</param>
public sealed record MatchCandidate(
    string GivenName,
    string Surname,
    string GivenNameCode,
    string SurnameCode,
    BirthDate BirthDate,
    string AddressLine1,
    string AddressLine2,
    IReadOnlyList<string> AddressTokens,
    string StreetNumber,
    string City,
    string PostalCode,
    string State,
    string Country,
    IReadOnlyList<string> Emails,
    IReadOnlyList<string> Phones,
    IReadOnlyList<LoyaltyId> LoyaltyIds)
{
    /// <summary>Builds a candidate from profile-level fields (<see cref="ProfileFieldNames"/>); loyalty ids belong to one unnamed programme.</summary>
    public static MatchCandidate FromProfileFields(IReadOnlyDictionary<string, string> fields, IEnumerable<string> loyaltyIds) =>
        FromProfileFields(fields, loyaltyIds.Select(id => new LoyaltyId("", id)));

    /// <summary>Builds a candidate from profile-level fields (<see cref="ProfileFieldNames"/>) and loyalty memberships.</summary>
    public static MatchCandidate FromProfileFields(IReadOnlyDictionary<string, string> fields, IEnumerable<LoyaltyId> loyaltyIds, BlockedValues? blocked = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(loyaltyIds);
        var guard = blocked ?? BlockedValues.Default;
        string Get(string name, BlockedValueKind kind) =>
            fields.TryGetValue(name, out var v) && !guard.Blocks(kind, v) ? v.Trim() : "";

        var given = NameNormaliser.Normalise(Get(ProfileFieldNames.FirstName, BlockedValueKind.Name));
        var surname = NameNormaliser.Normalise(Get(ProfileFieldNames.LastName, BlockedValueKind.Name));
        var birth = DateNormaliser.Parse(Get(ProfileFieldNames.BirthDate, BlockedValueKind.Date));
        if (birth.HasParts && guard.Blocks(BlockedValueKind.Date, birth.Digits))
        {
            birth = new BirthDate(birth.Raw, 0, 0, 0);
        }

        var line1 = Get(ProfileFieldNames.Address1, BlockedValueKind.Address);
        var line2 = Get(ProfileFieldNames.Address2, BlockedValueKind.Address);
        var tokens = AddressNormaliser.Tokens(line1, line2, out var streetNumber);
        if (guard.Blocks(BlockedValueKind.Address, streetNumber))
        {
            streetNumber = "";
        }

        var emails = ProfileFieldNames.Emails
            .Select(f => Get(f, BlockedValueKind.Email))
            .Select(EmailNormaliser.Normalise)
            .Where(e => e.Length > 0 && !guard.Blocks(BlockedValueKind.Email, e))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var phones = ProfileFieldNames.Phones
            .Select(f => PhoneNormaliser.Normalise(Get(f, BlockedValueKind.Phone)))
            .Where(p => p.Length > 0 && !guard.Blocks(BlockedValueKind.Phone, p))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var loyalty = loyaltyIds
            .Select(l => new LoyaltyId(NameNormaliser.Normalise(l.Program), Alnum(l.Id)))
            .Where(l => l.Id.Length > 0 && !guard.Blocks(BlockedValueKind.Identifier, l.Id))
            .Distinct()
            .ToArray();

        return new MatchCandidate(
            given,
            surname,
            Nysiis.Encode(given),
            Nysiis.Encode(surname),
            birth,
            NameNormaliser.NormaliseWords(line1),
            NameNormaliser.NormaliseWords(line2),
            tokens,
            streetNumber,
            NameNormaliser.Normalise(Get(ProfileFieldNames.City, BlockedValueKind.Address)),
            Alnum(Get(ProfileFieldNames.PostalCode, BlockedValueKind.Address)),
            NameNormaliser.Normalise(Get(ProfileFieldNames.State, BlockedValueKind.Address)),
            NameNormaliser.Normalise(Get(ProfileFieldNames.Country, BlockedValueKind.Address)),
            emails,
            phones,
            loyalty);
    }

    private static string Alnum(string? value) =>
        value is null ? "" : new string(value.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
}
