namespace Upt.Storage;

/// <summary>
/// UPT's roll-up of a search's status from its locations: failed wins over running, over invoked, over success; at
/// equal rank the search's own status is kept.
/// </summary>
public static class PrivacyRollup
{
    /// <summary>The rolled-up status of a search whose own status is <paramref name="status"/> and whose locations have <paramref name="locationStatuses"/>.</summary>
    public static string Of(string status, IEnumerable<string> locationStatuses)
    {
        ArgumentNullException.ThrowIfNull(locationStatuses);
        var rolled = status;
        foreach (var location in locationStatuses)
        {
            if (Rank(location) > Rank(rolled))
            {
                rolled = location;
            }
        }

        return rolled;
    }

    private static int Rank(string status) =>
        status.EndsWith("_failed", StringComparison.Ordinal) ? 3
        : status.EndsWith("_running", StringComparison.Ordinal) ? 2
        : status.EndsWith("_invoked", StringComparison.Ordinal) ? 1
        : 0;
}
