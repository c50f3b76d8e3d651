namespace Upt.Rules;

/// <summary>
/// Which stored keys an incoming record's keys find (upt-core §3.5): a key with a non-empty <c>Value2</c> finds stored
/// keys of the same rule whose <c>Value1</c> equals it, otherwise stored keys whose <c>Value2</c> equals its <c>Value1</c>;
/// for rules with a <c>within_seconds</c> filter, only stored keys within that many seconds. This asymmetry makes
/// cross-type rules work both ways (a booking b1/"" finds clickstreams ""/b1, and the reverse).
/// Excluding the record's own profile is the caller's job.
/// </summary>
public sealed class RuleKeyMatcher
{
    private readonly RuleIndexer _indexer;

    /// <summary>A matcher using the windows of <paramref name="indexer"/>'s rules.</summary>
    public RuleKeyMatcher(RuleIndexer indexer)
    {
        ArgumentNullException.ThrowIfNull(indexer);
        _indexer = indexer;
    }

    /// <summary>True when <paramref name="stored"/> is a match for <paramref name="incoming"/>.</summary>
    public bool Matches(RuleIndexKey incoming, RuleIndexKey stored)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(stored);
        var probe = incoming.Probe;
        if (stored.RuleIndex != probe.RuleIndex || probe.Value.Length == 0)
        {
            return false;
        }

        var value = probe.Column == RuleKeyColumn.Value1 ? stored.Value1 : stored.Value2;
        if (value != probe.Value)
        {
            return false;
        }

        if (_indexer.WindowOf(incoming.RuleIndex) is not { } window)
        {
            return true;
        }

        return incoming.Timestamp is { } t && stored.Timestamp is { } s && s >= t - window && s <= t + window;
    }

    /// <summary>Every (incoming, stored) pair that matches, in incoming then stored order.</summary>
    public IReadOnlyList<RuleKeyPair> Pairs(IEnumerable<RuleIndexKey> incoming, IReadOnlyCollection<RuleIndexKey> stored)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(stored);
        return incoming.SelectMany(i => stored.Where(s => Matches(i, s)).Select(s => new RuleKeyPair(i, s))).ToList();
    }
}
