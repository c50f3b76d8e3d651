namespace Upt.Matching.Normalisation;

/// <summary>Splits address lines into comparable tokens and a street number.</summary>
public static class AddressNormaliser
{
    // Common street-type abbreviations, expanded so "12 smith st" and "12 smith street" agree.
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["st"] = "street", ["str"] = "street", ["rd"] = "road", ["ave"] = "avenue", ["av"] = "avenue",
        ["dr"] = "drive", ["cres"] = "crescent", ["cr"] = "crescent", ["ct"] = "court", ["pl"] = "place",
        ["ln"] = "lane", ["hwy"] = "highway", ["blvd"] = "boulevard", ["cct"] = "circuit", ["cir"] = "circle",
        ["tce"] = "terrace", ["pde"] = "parade", ["sq"] = "square", ["cl"] = "close", ["gr"] = "grove",
    };

    /// <summary>
    /// Word tokens of both lines (lower-case, accents folded, abbreviations expanded), without the street number.
    /// Lines are pooled because sources swap line 1 and line 2.
    /// </summary>
    public static IReadOnlyList<string> Tokens(string? line1, string? line2, out string streetNumber)
    {
        streetNumber = "";
        var tokens = new List<string>();
        foreach (var line in (ReadOnlySpan<string?>)[line1, line2])
        {
            foreach (var word in NameNormaliser.NormaliseWords(line).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (streetNumber.Length == 0 && char.IsAsciiDigit(word[0]))
                {
                    // The first numeric word is the street number ("38", "12a"); later numbers (unit, lot) stay tokens.
                    streetNumber = word;
                    continue;
                }

                tokens.Add(Abbreviations.GetValueOrDefault(word, word));
            }
        }

        return tokens;
    }
}
