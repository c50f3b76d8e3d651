namespace Upt.Matching.Normalisation;

/// <summary>Reads birth dates written in the common formats.</summary>
public static class DateNormaliser
{
    /// <summary>
    /// Reads yyyymmdd, yyyy-mm-dd (also with / or . and an ISO time suffix), dd/mm/yyyy and dd-mm-yyyy. A slashed date
    /// whose middle part exceeds 12 is read as mm/dd/yyyy. Unreadable values keep <see cref="BirthDate.Raw"/> with no parts.
    /// </summary>
    public static BirthDate Parse(string? value)
    {
        var raw = value?.Trim() ?? "";
        if (raw.Length == 0)
        {
            return default(BirthDate) with { Raw = "" };
        }

        var text = raw;
        var t = text.IndexOf('T');
        if (t == 10)
        {
            // ISO timestamp: the date part is what matters.
            text = text[..10];
        }

        if (text.Length == 8 && text.All(char.IsAsciiDigit))
        {
            return new BirthDate(raw, Int(text, 0, 4), Int(text, 4, 2), Int(text, 6, 2));
        }

        var parts = text.Split(['-', '/', '.', ' '], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3 || !parts.All(p => p.Length is >= 1 and <= 4 && p.All(char.IsAsciiDigit)))
        {
            return new BirthDate(raw, 0, 0, 0);
        }

        int a = int.Parse(parts[0]), b = int.Parse(parts[1]), c = int.Parse(parts[2]);
        if (parts[0].Length == 4)
        {
            return new BirthDate(raw, a, b, c);
        }

        if (parts[2].Length == 4)
        {
            // Day-first is the default outside the US; a middle part above 12 can only be a day.
            return b > 12 && a <= 12 ? new BirthDate(raw, c, a, b) : new BirthDate(raw, c, b, a);
        }

        return new BirthDate(raw, 0, 0, 0);
    }

    private static int Int(string s, int start, int length) => int.Parse(s.AsSpan(start, length));
}
