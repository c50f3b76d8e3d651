using Upt.Grains.Merges;
using Upt.Storage;

namespace Upt.Grains.Rules;

/// <summary>
/// Identity resolution by rules for one profile, after a change: link the profile's new rule-index keys, merge every
/// profile they find (not only the first; never itself; not a pair an unmerge blocked on the same evidence), then link
/// the keys the merged profile gained, until nothing more matches. Runs in the identifier grain that made the change,
/// so calls flow one way: identifier → rule-index values, identifier → profiles.
/// </summary>
internal sealed class RuleResolver(IGrainFactory grains, MergeHistoryStore history, string domain, DomainSettings settings)
{
    // A cascade longer than this is not identity resolution any more but a runaway chain; the over-merge guard should
    // have stopped it first. What is left is picked up by the next change of these profiles.
    private const int MaxRounds = 32;

    public async Task<ApplyOutcome> ResolveAsync(ApplyOutcome outcome, CancellationToken cancellationToken = default)
    {
        if (outcome.UnlinkKeys.Count > 0)
        {
            await Task.WhenAll(outcome.UnlinkKeys.SelectMany(ValuesOf).Distinct()
                .Select(k => Index(k).UnlinkAsync(outcome.ProfileId, cancellationToken).AsTask()));
        }

        var current = outcome.ProfileId;
        var currentBlocked = outcome.UnmergeBlocked;
        var changes = new List<ProfileChangeEvent>();
        var pending = outcome.LinkKeys;
        var merger = new ProfileMerger(grains, domain);
        for (var round = 0; pending.Count > 0 && round < MaxRounds; round++)
        {
            var found = await LinkAsync(current, pending, cancellationToken);
            pending = [];
            foreach (var match in found.GroupBy(f => f.ProfileId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                if (await merger.TargetAsync(match.Key, cancellationToken) is not { } target || target.ProfileId == current)
                {
                    continue;
                }

                var other = target.ProfileId;
                var keys = match.Select(m => m.Key).Distinct().ToList();
                var evidence = keys.Select(k => k.Evidence).ToList();
                // Negative links exist only between sides of an unmerge, which carry the mark: others skip the query.
                if ((currentBlocked || target.UnmergeBlocked) && await history.IsBlockedAsync(domain, current, other, evidence, cancellationToken))
                {
                    continue;
                }

                var first = keys[0];
                var merged = await merger.MergeCurrentAsync(current, other, MergeContext.FromRule(first.RuleIndex, first.Version, evidence), settings, cancellationToken);
                changes.AddRange(merged.Changes);
                // The values that reported the absorbed id now list the survivor, so their next probes need no resolving.
                var absorbed = new[] { match.Key, current, other }.Where(id => id != merged.ProfileId).Distinct().ToList();
                await Task.WhenAll(keys.Select(k => Index(k.Version, k.RuleIndex, k.Probe.Value).ReplaceAsync(absorbed, merged.ProfileId, cancellationToken).AsTask()));
                current = merged.ProfileId;
                currentBlocked = merged.UnmergeBlocked;
                pending = [.. pending, .. merged.LinkKeys];
            }
        }

        return new ApplyOutcome(current, changes, 0) { FieldsChanged = changes.Count > 0 };
    }

    /// <summary>
    /// Registers every key and probes: first the values only registered, then the values probed (which register
    /// in the same turn). Every registration of this profile therefore precedes every probe it makes, so of two
    /// profiles linking at once at least one finds the other, whatever the interleaving.
    /// </summary>
    private async Task<List<(string ProfileId, RuleKeyRef Key)>> LinkAsync(string profileId, IReadOnlyList<RuleKeyRef> keys, CancellationToken cancellationToken)
    {
        var calls = new Dictionary<(int Version, int Rule, string Value), Call>();
        Call At(int version, int rule, string value) =>
            calls.TryGetValue((version, rule, value), out var call) ? call : calls[(version, rule, value)] = new Call();

        foreach (var key in keys)
        {
            if (key.Value1.Length > 0)
            {
                At(key.Version, key.RuleIndex, key.Value1).AsValue1 = true;
            }

            if (key.Value2.Length > 0)
            {
                At(key.Version, key.RuleIndex, key.Value2).AsValue2 = true;
            }

            var (column, value) = key.Probe;
            var probe = At(key.Version, key.RuleIndex, value);
            probe.ProbeColumns |= column;
            probe.Keys.Add(key);
            probe.Timestamp ??= key.Timestamp;
            probe.Window ??= key.Window;
        }

        var max = settings.Identity.MaxProfilesPerValue;
        Task<RuleLinkResult> Send(KeyValuePair<(int Version, int Rule, string Value), Call> c) =>
            Index(c.Key.Version, c.Key.Rule, c.Key.Value).LinkAsync(
                new RuleLink(profileId, c.Value.AsValue1, c.Value.AsValue2, c.Value.ProbeColumns == 0 ? null : c.Value.ProbeColumns, c.Value.Timestamp, c.Value.Window, max),
                cancellationToken).AsTask();

        await Task.WhenAll(calls.Where(c => c.Value.ProbeColumns == 0).Select(Send));
        var probes = calls.Where(c => c.Value.ProbeColumns != 0).ToList();
        var results = await Task.WhenAll(probes.Select(Send));
        var found = new List<(string, RuleKeyRef)>();
        for (var i = 0; i < probes.Count; i++)
        {
            foreach (var match in results[i].Matches)
            {
                found.AddRange(probes[i].Value.Keys.Select(k => (match, k)));
            }
        }

        return found;
    }

    private static IEnumerable<(int Version, int Rule, string Value)> ValuesOf(RuleKeyRef key)
    {
        if (key.Value1.Length > 0)
        {
            yield return (key.Version, key.RuleIndex, key.Value1);
        }

        if (key.Value2.Length > 0)
        {
            yield return (key.Version, key.RuleIndex, key.Value2);
        }
    }

    private IRuleIndexGrain Index((int Version, int Rule, string Value) at) => Index(at.Version, at.Rule, at.Value);

    private IRuleIndexGrain Index(int version, int rule, string value) => grains.GetGrain<IRuleIndexGrain>(GrainKeys.RuleIndex(domain, version, rule, value));

    private sealed class Call
    {
        public bool AsValue1 { get; set; }

        public bool AsValue2 { get; set; }

        public int ProbeColumns { get; set; }

        public DateTimeOffset? Timestamp { get; set; }

        public TimeSpan? Window { get; set; }

        public List<RuleKeyRef> Keys { get; } = [];
    }
}
