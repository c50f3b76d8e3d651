namespace Upt.Matching;

/// <summary>A birth date as given plus the parts that could be read from it.</summary>
/// <remarks>
/// Parts are kept as read even when out of range (a typo such as month 80): similarity still compares the digits,
/// and a typo in one digit is evidence for, not against, a match.
/// </remarks>
/// <param name="Raw">The value as given (trimmed).</param>
/// <param name="Year">Four-digit year, or 0 when the value could not be read.</param>
/// <param name="Month">Month as read (normally 1–12).</param>
/// <param name="Day">Day as read (normally 1–31).</param>
public readonly record struct BirthDate(string Raw, int Year, int Month, int Day)
{
    /// <summary>True when the parts were read.</summary>
    public bool HasParts => Year > 0;

    /// <summary>True when the parts form a real calendar date.</summary>
    public bool IsValid => Year is >= 1 and <= 9999 && Month is >= 1 and <= 12 && Day >= 1 && Day <= DateTime.DaysInMonth(Year, Month);

    /// <summary>The parts as eight digits (yyyymmdd), or empty when unread.</summary>
    public string Digits => HasParts ? $"{Year:D4}{Month:D2}{Day:D2}" : "";
}
