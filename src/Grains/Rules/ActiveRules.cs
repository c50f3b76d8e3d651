using System.Collections.Concurrent;
using Upt.Matching;
using Upt.Rules;

namespace Upt.Grains.Rules;

/// <summary>
/// A domain's active rule set, compiled once (regular expressions, templates) and shared by every grain of the silo.
/// Settings arrive deserialized on every call, so the cache is keyed by what identifies an activation, not by reference.
/// </summary>
public sealed class ActiveRules
{
    private static readonly ConcurrentDictionary<(string Domain, int Version, DateTimeOffset ActivatedAt, int BlockedHash), ActiveRules> Cache = new();

    private ActiveRules(int version, RuleIndexer indexer)
    {
        Version = version;
        Indexer = indexer;
    }

    /// <summary>No rules: nothing is indexed or linked.</summary>
    public static ActiveRules None { get; } = new(0, new RuleIndexer([]));

    /// <summary>The active rule set's version.</summary>
    public int Version { get; }

    /// <summary>The compiled rules.</summary>
    public RuleIndexer Indexer { get; }

    /// <summary>The compiled active rules of <paramref name="domain"/> under <paramref name="settings"/>.</summary>
    public static ActiveRules For(string domain, DomainSettings settings)
    {
        if (settings.Identity.RuleBasedResolutionDisabled || settings.ActiveRuleSet is not { Rules.Count: > 0 } set)
        {
            return None;
        }

        var extra = settings.Identity.BlockedValues;
        var hash = extra.Aggregate(17, (h, v) => HashCode.Combine(h, StringComparer.Ordinal.GetHashCode(v)));
        return Cache.GetOrAdd((domain, set.LatestVersion, set.LastActivationTimestamp, hash), _ =>
        {
            var blocked = extra.Count == 0
                ? BlockedValues.Default
                : new BlockedValues(BlockedValues.DefaultPlaceholders.Concat(extra), BlockedValues.DefaultEmailLocalParts, BlockedValues.DefaultEmailDomains, BlockedValues.DefaultDates);
            return new ActiveRules(set.LatestVersion, new RuleIndexer(set.Rules, blocked));
        });
    }

    /// <summary>The keys of the profile-level rules for these fields.</summary>
    public IReadOnlyList<RuleKeyRef> ProfileKeys(IReadOnlyDictionary<string, string> fields) =>
        Indexer.IsEmpty ? [] : Indexer.IndexProfile(fields).Select(ToRef).ToList();

    /// <summary>The keys of the object-level rules for one object of the profile.</summary>
    public IReadOnlyList<RuleKeyRef> ObjectKeys(IReadOnlyDictionary<string, string> fields, RuleObject item) =>
        Indexer.IsEmpty || !Indexer.Involves(item.Type) ? [] : Indexer.IndexObject(fields, item).Select(ToRef).ToList();

    private RuleKeyRef ToRef(RuleIndexKey key) => new(Version, key.RuleIndex, key.Value1, key.Value2, key.Timestamp, Indexer.WindowOf(key.RuleIndex));
}
