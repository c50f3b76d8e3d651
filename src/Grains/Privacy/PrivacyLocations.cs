using System.Globalization;
using Upt.Grains.Rules;
using Upt.Storage;

namespace Upt.Grains.Privacy;

/// <summary>
/// A scan as the locations a search reports (UPT's <c>locationResults</c>): Upt-made ids (profiles, error records, backup
/// file paths) and row counts, never the personal data itself, so listing a search does not copy what it found.
/// </summary>
internal static class PrivacyLocations
{
    public static IReadOnlyList<PrivacyLocation> Of(SubjectScan scan)
    {
        var f = scan.Footprint;
        var list = new List<PrivacyLocation>();
        foreach (var (profileId, mergedInto) in f.Profiles)
        {
            list.Add(new(PrivacyLocationTypes.ProfileStorage, mergedInto is null ? $"profile {profileId}" : $"merged profile {profileId}"));
        }

        Count(list, PrivacyLocationTypes.ProfileStorage, "travellers", f.TravellerRows);
        foreach (var (type, count) in f.ObjectsByType)
        {
            Count(list, PrivacyLocationTypes.ProfileStorage, $"objects {type}", count);
        }

        var rule = f.Lookups.Count(l => IsRuleKind(l.Kind));
        Count(list, PrivacyLocationTypes.IdentityIndex, "search lookups", f.Lookups.Count - rule);
        Count(list, PrivacyLocationTypes.IdentityIndex, "rule index entries", rule);
        Count(list, PrivacyLocationTypes.MergeHistory, "history rows", f.HistoryRows);
        Count(list, PrivacyLocationTypes.MergeHistory, "unmerge blocks", f.UnmergeBlocks);
        list.AddRange(f.MatchPairs.Select(p => new PrivacyLocation(PrivacyLocationTypes.Matches, $"pair {p.ProfileA} {p.ProfileB}")));
        Count(list, PrivacyLocationTypes.MatchBlocks, "block memberships", f.BlockMemberships.Count);
        list.AddRange(f.ErrorIds.Select(id => new PrivacyLocation(PrivacyLocationTypes.ErrorRecords, $"error {id}")));
        list.AddRange(scan.Backup.Select(h => new PrivacyLocation(PrivacyLocationTypes.RawBackup,
            string.Create(CultureInfo.InvariantCulture, $"{h.File.Path} ({h.Lines} lines)"))));
        return list;
    }

    /// <summary>True for the lookup kinds of identity-resolution rule keys (<see cref="RuleLookups"/>).</summary>
    public static bool IsRuleKind(string kind) =>
        kind.StartsWith(RuleLookups.ProfilePrefix, StringComparison.Ordinal) || kind.StartsWith(RuleLookups.ObjectPrefix, StringComparison.Ordinal);

    private static void Count(List<PrivacyLocation> list, string type, string what, long count)
    {
        if (count > 0)
        {
            list.Add(new(type, string.Create(CultureInfo.InvariantCulture, $"{what} ({count})")));
        }
    }
}
