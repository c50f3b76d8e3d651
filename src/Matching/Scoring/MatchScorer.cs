using Upt.Matching.Similarity;

namespace Upt.Matching.Scoring;

/// <summary>
/// Scores a candidate pair with a Fellegi-Sunter model: each field's agreement level contributes log2(m/u) bits,
/// missing values contribute nothing, address fields are pooled under one cap, and the total plus the prior log-odds
/// goes through a logistic to give the posterior probability of the same person.
/// </summary>
public static class MatchScorer
{
    /// <summary>Names at least this Jaro-Winkler-similar are typo variants (Winkler's usual cut-off for names).</summary>
    public const double HighName = 0.92;

    /// <summary>Names at least this similar are weakly related.</summary>
    public const double PartialName = 0.80;

    /// <summary>Scores with <see cref="MatchModel.Default"/>.</summary>
    public static MatchScore Score(MatchCandidate a, MatchCandidate b) => Score(a, b, MatchModel.Default);

    /// <summary>Scores with <paramref name="model"/>.</summary>
    public static MatchScore Score(MatchCandidate a, MatchCandidate b, MatchModel model)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(model);
        var details = new List<FieldComparison>(12);
        double Add(LevelWeights w, Agreement level)
        {
            var bits = w.Weight(level);
            details.Add(new FieldComparison(w.Field, level, bits));
            return bits;
        }

        var bits = AddNames(a, b, model, Add);
        bits += Add(model.BirthDate, DateSimilarity.Compare(a.BirthDate, b.BirthDate));

        var location = Add(model.StreetNumber, Equal(a.StreetNumber, b.StreetNumber))
            + Add(model.Address, AddressAgreement(a, b))
            + Add(model.City, NameAgreement(a.City, b.City, "", ""))
            + Add(model.PostalCode, CodeAgreement(a.PostalCode, b.PostalCode))
            + Add(model.State, CodeAgreement(a.State, b.State))
            + Add(model.Country, Equal(a.Country, b.Country));
        var surnameAgrees = details.Any(d => d.Field == model.Surname.Field && d.Level is Agreement.Exact or Agreement.High);
        bits += Math.Clamp(location, model.LocationFloorBits, surnameAgrees ? model.LocationCapSharedSurnameBits : model.LocationCapBits);

        bits += Add(model.LoyaltyId, LoyaltyAgreement(a.LoyaltyIds, b.LoyaltyIds));
        bits += Add(model.Email, AnyEqual(a.Emails, b.Emails));
        bits += Add(model.Phone, AnyEqual(a.Phones, b.Phones));

        var score = 1.0 / (1.0 + Math.Pow(2, -(bits + model.PriorLog2Odds)));
        return new MatchScore(score, details) { Bits = bits };
    }

    /// <summary>Agreement of two normalised names: exact, Jaro-Winkler typo, weak (similar, same phonetic code or an initial), or different.</summary>
    public static Agreement NameAgreement(string a, string b, string codeA, string codeB)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return Agreement.Missing;
        }

        if (a == b)
        {
            return Agreement.Exact;
        }

        var jw = JaroWinkler.Similarity(a, b);
        if (jw >= HighName)
        {
            return Agreement.High;
        }

        var initial = (a.Length == 1 || b.Length == 1) && a[0] == b[0];
        return jw >= PartialName || initial || (codeA.Length > 0 && codeA == codeB) ? Agreement.Partial : Agreement.Disagree;
    }

    // Given name and surname, or the two swapped when that agrees better (sources mix up the name fields).
    private static double AddNames(MatchCandidate a, MatchCandidate b, MatchModel model, Func<LevelWeights, Agreement, double> add)
    {
        var given = NameAgreement(a.GivenName, b.GivenName, a.GivenNameCode, b.GivenNameCode);
        var surname = NameAgreement(a.Surname, b.Surname, a.SurnameCode, b.SurnameCode);
        var straight = model.GivenName.Weight(given) + model.Surname.Weight(surname);

        var crossGiven = NameAgreement(a.GivenName, b.Surname, a.GivenNameCode, b.SurnameCode);
        var crossSurname = NameAgreement(a.Surname, b.GivenName, a.SurnameCode, b.GivenNameCode);
        if (crossGiven is Agreement.Exact or Agreement.High && crossSurname is Agreement.Exact or Agreement.High
            && model.GivenName.Weight(crossGiven) + model.Surname.Weight(crossSurname) > straight)
        {
            given = crossGiven;
            surname = crossSurname;
        }

        return add(model.GivenName, given) + add(model.Surname, surname);
    }

    private static Agreement AddressAgreement(MatchCandidate a, MatchCandidate b)
    {
        if (a.AddressTokens.Count == 0 || b.AddressTokens.Count == 0)
        {
            return Agreement.Missing;
        }

        var sim = TokenSimilarity.Similarity(a.AddressTokens, b.AddressTokens);
        return sim switch
        {
            >= 0.95 => Agreement.Exact,
            >= 0.75 => Agreement.High,
            >= 0.45 => Agreement.Partial,
            _ => Agreement.Disagree,
        };
    }

    // Codes (postcode, state): one typed character wrong is a typo, not a different place.
    private static Agreement CodeAgreement(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return Agreement.Missing;
        }

        if (a == b)
        {
            return Agreement.Exact;
        }

        return Math.Min(a.Length, b.Length) >= 2 && EditDistance.Bounded(a, b, 1) <= 1 ? Agreement.High : Agreement.Disagree;
    }

    private static Agreement Equal(string a, string b) =>
        a.Length == 0 || b.Length == 0 ? Agreement.Missing : a == b ? Agreement.Exact : Agreement.Disagree;

    private static Agreement AnyEqual(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return Agreement.Missing;
        }

        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (x == y)
                {
                    return Agreement.Exact;
                }
            }
        }

        return Agreement.Disagree;
    }

    // Ids compare only within one programme; the unnamed programme "" is one programme.
    private static Agreement LoyaltyAgreement(IReadOnlyList<LoyaltyId> a, IReadOnlyList<LoyaltyId> b)
    {
        var result = Agreement.Missing;
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (x.Program != y.Program)
                {
                    continue;
                }

                if (x.Id == y.Id)
                {
                    return Agreement.Exact;
                }

                var near = EditDistance.Bounded(x.Id, y.Id, 1) <= 1;
                result = near || result == Agreement.High ? Agreement.High : Agreement.Disagree;
            }
        }

        return result;
    }
}
