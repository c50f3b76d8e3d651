namespace Upt.Grains.Profiles;

/// <summary>
/// The one precedence rule for profile-level fields, used by ingestion, merge and unmerge rebuild alike:
/// an empty value never overwrites; a higher-ranked object type wins; among equal ranks the newer
/// <c>last_updated</c> wins, and a tie goes to the incoming value (so redelivery converges).
/// UPT had two rules that disagreed on which end of the priority list wins; ranks here are explicit: higher wins.
/// </summary>
public static class FieldPrecedence
{
    /// <summary>True when <paramref name="incoming"/> should replace <paramref name="existing"/>.</summary>
    public static bool ShouldReplace(FieldValue? existing, FieldValue incoming, IReadOnlyDictionary<string, int> ranks)
    {
        if (string.IsNullOrEmpty(incoming.Value))
        {
            return false;
        }

        if (existing is null)
        {
            return true;
        }

        var existingRank = ranks.GetValueOrDefault(existing.ObjectType);
        var incomingRank = ranks.GetValueOrDefault(incoming.ObjectType);
        if (incomingRank != existingRank)
        {
            return incomingRank > existingRank;
        }

        return existing.Timestamp is null || (incoming.Timestamp is { } t && existing.Timestamp <= t);
    }
}
