using Upt.Storage;

namespace Upt.Grains.Fuzzy;

/// <summary>UPT's <c>profileDataDiff</c> of a match pair: the profile-level fields whose values differ.</summary>
internal static class ProfileDiff
{
    /// <summary>Fields of either profile whose values differ (a missing field counts as empty), by field name.</summary>
    public static IReadOnlyList<MatchFieldDiff> Of(IReadOnlyDictionary<string, string> source, IReadOnlyDictionary<string, string> target) =>
        source.Keys.Union(target.Keys, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(name => new MatchFieldDiff(name, source.GetValueOrDefault(name, ""), target.GetValueOrDefault(name, "")))
            .Where(d => !string.Equals(d.SourceValue, d.TargetValue, StringComparison.Ordinal))
            .ToList();
}
