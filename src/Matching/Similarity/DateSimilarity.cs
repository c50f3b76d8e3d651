namespace Upt.Matching.Similarity;

/// <summary>Compares birth dates, tolerant of the errors people make when typing them.</summary>
public static class DateSimilarity
{
    /// <summary>
    /// <see cref="Agreement.Exact"/> for the same digits; <see cref="Agreement.High"/> for day and month swapped,
    /// one wrong digit or two adjacent digits swapped; <see cref="Agreement.Partial"/> for the same year only;
    /// <see cref="Agreement.Disagree"/> otherwise; <see cref="Agreement.Missing"/> when either side is unread.
    /// </summary>
    public static Agreement Compare(BirthDate a, BirthDate b)
    {
        if (!a.HasParts || !b.HasParts)
        {
            return Agreement.Missing;
        }

        if (a.Year == b.Year && a.Month == b.Month && a.Day == b.Day)
        {
            return Agreement.Exact;
        }

        if (a.Year == b.Year && a.Month == b.Day && a.Day == b.Month)
        {
            return Agreement.High;
        }

        var da = a.Digits;
        var db = b.Digits;
        if (EditDistance.Bounded(da, db, 1) <= 1)
        {
            return Agreement.High;
        }

        return a.Year == b.Year ? Agreement.Partial : Agreement.Disagree;
    }
}
