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

        var decomposed = value.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            var c = char.ToLowerInvariant(ch);
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
            // Everything else (combining marks left by FormD, apostrophes, other punctuation) is dropped.
        }

        return sb.ToString().TrimEnd();
    }

    // Letters that do not decompose into base + mark under FormD.
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
