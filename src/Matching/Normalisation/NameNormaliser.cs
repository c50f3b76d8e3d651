using System.Text;

namespace Upt.Matching.Normalisation;

/// <summary>Normalises person and place names for comparison.</summary>
public static class NameNormaliser
{
    /// <summary>
    /// Lower-case ASCII letters only: accents folded (é → e), punctuation and spaces dropped. Spaces go too because
    /// data entry splits and joins names freely ("mary ann" / "maryann", "jac ob"), and the comparison is fuzzy anyway.
    /// </summary>
    public static string Normalise(string? value) => Fold(value, keepSpaces: false);

    /// <summary>Like <see cref="Normalise"/> but keeps single spaces between words (for token comparisons).</summary>
    public static string NormaliseWords(string? value) => Fold(value, keepSpaces: true);

    private static string Fold(string? value, bool keepSpaces)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }

        var sb = new StringBuilder(value.Length);
        foreach (var ch in value)
        {
            var c = Fold(char.ToLowerInvariant(ch));
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                sb.Append(c);
            }
            else if (Special(c) is { } s)
            {
                sb.Append(s);
            }
            else if (keepSpaces && (char.IsWhiteSpace(c) || c is '-' or '/' or ',' or '.' or '&') && sb.Length > 0 && sb[^1] != ' ')
            {
                // Separators split words; apostrophes do not (o'brien = obrien).
                sb.Append(' ');
            }
            // Everything else (apostrophes, other punctuation, unmapped scripts) is dropped.
        }

        return sb.ToString().TrimEnd();
    }

    // Accented Latin letters folded by table: Upt runs with InvariantGlobalization, where string.Normalize cannot decompose.
    private const string Accented = "àáâãäåāăąçćĉċčďèéêëēĕėęěĝğġģĥìíîïĩīĭįĵķĺļľñńņňòóôõöōŏőŕŗřśŝşšţťùúûüũūŭůűųŵýÿŷźżž";
    private const string Plain = "aaaaaaaaacccccdeeeeeeeeegggghiiiiiiiijklllnnnnoooooooorrrssssttuuuuuuuuuuwyyyzzz";

    private static char Fold(char c)
    {
        if (c < 128)
        {
            return c;
        }

        var i = Accented.IndexOf(c, StringComparison.Ordinal);
        return i >= 0 ? Plain[i] : c;
    }

    // Letters that fold to more than one letter, or have no accented form.
    private static string? Special(char c) => c switch
    {
        'ß' => "ss",
        'æ' => "ae",
        'ø' => "o",
        'œ' => "oe",
        'ł' => "l",
        'đ' or 'ð' => "d",
        'þ' => "th",
        'ı' => "i",
        _ => null,
    };
}
