namespace Upt.Matching.Normalisation;

/// <summary>Normalises phone numbers to a comparable digit string.</summary>
public static class PhoneNormaliser
{
    /// <summary>Significant digits compared: the last nine identify a subscriber across +CC / 00CC / trunk-0 spellings.</summary>
    public const int SignificantDigits = 9;

    /// <summary>Fewer digits than this is an extension or junk, not a phone number.</summary>
    public const int MinDigits = 7;

    /// <summary>Digits only, reduced to the last <see cref="SignificantDigits"/>; empty when too short.</summary>
    public static string Normalise(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }

        Span<char> digits = stackalloc char[Math.Min(value.Length, 64)];
        var n = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c) && n < digits.Length)
            {
                digits[n++] = c;
            }
        }

        if (n < MinDigits)
        {
            return "";
        }

        return n > SignificantDigits ? new string(digits[(n - SignificantDigits)..n]) : new string(digits[..n]);
    }
}
