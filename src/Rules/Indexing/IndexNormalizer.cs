using System.Text;

namespace Upt.Rules;

/// <summary>Applies <see cref="IndexNormalization"/> flags in UPT's fixed order.</summary>
public static class IndexNormalizer
{
    /// <summary>
    /// Trim, lowercase, remove non-alphanumerics, remove non-digits, remove spaces, strip leading zeros: each only when
    /// its flag is set. Null flags mean <see cref="IndexNormalization.Default"/>.
    /// </summary>
    public static string Apply(string value, IndexNormalization? flags)
    {
        ArgumentNullException.ThrowIfNull(value);
        var n = flags ?? IndexNormalization.Default;
        if (n.Trim)
        {
            value = value.Trim();
        }

        if (n.Lowercase)
        {
            value = value.ToLowerInvariant();
        }

        if (n.RemoveNonAlphaNumeric)
        {
            value = Keep(value, char.IsLetterOrDigit);
        }

        if (n.RemoveNonNumeric)
        {
            value = Keep(value, char.IsAsciiDigit);
        }

        if (n.RemoveSpaces)
        {
            value = Keep(value, c => !char.IsWhiteSpace(c));
        }

        if (n.RemoveLeadingZeros)
        {
            value = value.TrimStart('0');
        }

        return value;
    }

    private static string Keep(string value, Func<char, bool> keep)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (keep(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
