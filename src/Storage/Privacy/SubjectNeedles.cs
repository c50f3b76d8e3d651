namespace Upt.Storage;

/// <summary>
/// The texts that name a subject inside a raw record (an error's payload, a backup line): each id as a complete JSON
/// string, quotes included. Ids shorter than <see cref="MinIdLength"/> are left out: as bare values they would match
/// unrelated fields ("1", "A") and erase other travellers' records; such ids are still found through indexed columns.
/// </summary>
public static class SubjectNeedles
{
    /// <summary>The shortest id looked for inside raw records.</summary>
    public const int MinIdLength = 6;

    /// <summary>The needles of <paramref name="ids"/>: its traveller ids and profile ids, quoted.</summary>
    public static IReadOnlyList<string> Of(SubjectIds ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return ids.TravellerIds.Concat(ids.ProfileIds)
            .Where(id => id.Length >= MinIdLength && !id.Contains('"', StringComparison.Ordinal) && !id.Contains('\\', StringComparison.Ordinal))
            .Select(id => $"\"{id}\"")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
