namespace Upt.Feed.Synthetic;

/// <summary>One synthetic traveller; every object about them reuses these values, so profiles overlap across types.</summary>
internal sealed record SyntheticPerson(
    string Id,
    string FirstName,
    string MiddleName,
    string LastName,
    string Gender,
    string BirthDate,
    string Honorific,
    string Email,
    string BusinessEmail,
    string Phone,
    string MobilePhone,
    string LoyaltyId,
    string LoyaltyLevel,
    string Street,
    string City,
    string PostalCode,
    string Country,
    string Language,
    string Company,
    string JobTitle)
{
    public static SyntheticPerson Create(Random random, int index)
    {
        var first = Pick(random, Names.First);
        var last = Pick(random, Names.Last);
        var handle = $"{first}.{last.Replace("'", string.Empty, StringComparison.Ordinal).Replace("ü", "u", StringComparison.Ordinal)}{index}".ToLowerInvariant();
        var company = Pick(random, Names.Companies);
        return new SyntheticPerson(
            Id: (1_000_000_000L + (index * 7919L) % 8_999_999_999L).ToString(System.Globalization.CultureInfo.InvariantCulture),
            FirstName: first,
            MiddleName: random.Next(3) == 0 ? Pick(random, Names.First) : string.Empty,
            LastName: last,
            Gender: Pick(random, Names.Genders),
            BirthDate: $"{random.Next(1945, 2006)}-{random.Next(1, 13):00}-{random.Next(1, 29):00}",
            Honorific: Pick(random, Names.Honorifics),
            Email: handle + "@example.com",
            BusinessEmail: company.Length > 0 ? handle + "@corp.example.org" : string.Empty,
            Phone: $"+1 555-{random.Next(100, 1000)}-{random.Next(1000, 10000)}",
            MobilePhone: $"+1 555-{random.Next(100, 1000)}-{random.Next(1000, 10000)}",
            LoyaltyId: $"LY{index:0000000}",
            LoyaltyLevel: Pick(random, ["blue", "silver", "gold", "platinum"]),
            Street: $"{random.Next(1, 999)} {Pick(random, Names.Streets)}",
            City: Pick(random, Names.Cities),
            PostalCode: random.Next(10000, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Country: Pick(random, Names.Countries),
            Language: Pick(random, Names.Languages),
            Company: company,
            JobTitle: Pick(random, Names.JobTitles));
    }

    public static T Pick<T>(Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];
}
