using Upt.Matching;

namespace Upt.Grains;

/// <summary>
/// What fuzzy matching reads of a profile: the profile-level fields the matcher uses and the loyalty ids. It travels
/// between grains instead of a <see cref="MatchCandidate"/> (a plain library type without a serializer); each side
/// builds the candidate with <see cref="ToCandidate"/>.
/// </summary>
/// <param name="Fields">Profile-level fields by name (<see cref="ProfileFieldNames"/>).</param>
/// <param name="LoyaltyIds">Normalised loyalty ids.</param>
[GenerateSerializer, Immutable, Alias("upt.match-input")]
public sealed record MatchInput(
    [property: Id(0)] IReadOnlyDictionary<string, string> Fields,
    [property: Id(1)] IReadOnlyList<string> LoyaltyIds)
{
    private static readonly string[] Read =
    [
        ProfileFieldNames.FirstName, ProfileFieldNames.LastName, ProfileFieldNames.BirthDate,
        ProfileFieldNames.Address1, ProfileFieldNames.Address2, ProfileFieldNames.City, ProfileFieldNames.PostalCode,
        ProfileFieldNames.State, ProfileFieldNames.Country, .. ProfileFieldNames.Emails, .. ProfileFieldNames.Phones,
    ];

    /// <summary>The input of a profile with <paramref name="fields"/>, keeping only the fields the matcher reads.</summary>
    public static MatchInput Of(IReadOnlyDictionary<string, string> fields, IEnumerable<string> loyaltyIds)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(loyaltyIds);
        var kept = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Read)
        {
            if (fields.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                kept[name] = value;
            }
        }

        return new MatchInput(kept, loyaltyIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray());
    }

    /// <summary>The normalised candidate the scorer and blocking compare.</summary>
    public MatchCandidate ToCandidate() => MatchCandidate.FromProfileFields(Fields, LoyaltyIds);
}
