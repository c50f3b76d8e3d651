using Microsoft.Extensions.Logging;
using Upt.Grains.Ingest;
using Upt.Storage;

namespace Upt.Grains.Rules;

/// <summary>
/// One rule-index value. Non-reentrant on purpose: register-then-probe in one turn is what makes two profiles that
/// arrive together find each other. Members are reloaded from the lookup rows on activation; merged-away members
/// are harmless (callers resolve them to their survivors) and are replaced when a caller learns of the merge.
/// </summary>
[GrainType(GrainTypeNames.RuleIndex)]
internal sealed partial class RuleIndexGrain(ProfileStore store, ILogger<RuleIndexGrain> logger) : Grain, IRuleIndexGrain
{
    private readonly Dictionary<string, Member> _members = new(StringComparer.Ordinal);
    // Every profile that has carried the value, merged or not: merging the holders must not reset the over-merge guard.
    // (Reloaded as the live holders after a deactivation.)
    private readonly HashSet<string> _holders = new(StringComparer.Ordinal);
    private string _domain = "";
    private int _version;
    private int _rule;
    private string _value = "";
    private bool _reported;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_domain, _version, _rule, _value) = GrainKeys.ParseRuleIndex(this.GetPrimaryKeyString());
        var kinds = new[] { true, false }.SelectMany(p => new[] { 1, 2 }.Select(c => RuleLookups.Kind(p, _version, _rule, c))).ToList();
        foreach (var (profileId, kind) in await store.FindByLookupKindsAsync(_domain, kinds, _value))
        {
            var member = _members.GetValueOrDefault(profileId);
            _members[profileId] = kind.EndsWith(":1", StringComparison.Ordinal) ? member with { AsValue1 = true } : member with { AsValue2 = true };
            _holders.Add(profileId);
        }
    }

    public ValueTask<RuleLinkResult> LinkAsync(RuleLink link, CancellationToken cancellationToken = default)
    {
        var member = _members.GetValueOrDefault(link.ProfileId);
        _members[link.ProfileId] = new Member(member.AsValue1 || link.AsValue1, member.AsValue2 || link.AsValue2, link.Timestamp ?? member.Timestamp);
        _holders.Add(link.ProfileId);
        if (link.ProbeColumn is not { } column)
        {
            return ValueTask.FromResult(RuleLinkResult.None);
        }

        // Over-merge guard: a value this many profiles share is not an identity (a placeholder, an agency's phone).
        if (_holders.Count > link.MaxProfiles)
        {
            if (!_reported)
            {
                _reported = true;
                LogSaturated(logger, _rule, _version, _holders.Count, link.MaxProfiles);
            }

            IngestMetrics.RuleValuesSaturated.Add(1);
            return ValueTask.FromResult(new RuleLinkResult([], true));
        }

        var matches = new List<string>();
        foreach (var (profileId, m) in _members)
        {
            if (profileId == link.ProfileId || !(((column & 1) != 0 && m.AsValue1) || ((column & 2) != 0 && m.AsValue2)))
            {
                continue;
            }

            // Windowed rules: only members whose time is known and within the window (times are kept in memory only).
            if (link.Window is { } window && (link.Timestamp is not { } t || m.Timestamp is not { } s || s < t - window || s > t + window))
            {
                continue;
            }

            matches.Add(profileId);
        }

        return ValueTask.FromResult(new RuleLinkResult(matches, false));
    }

    public ValueTask UnlinkAsync(string profileId, CancellationToken cancellationToken = default)
    {
        _members.Remove(profileId);
        return ValueTask.CompletedTask;
    }

    public ValueTask ReplaceAsync(IReadOnlyList<string> absorbedProfileIds, string survivorProfileId, CancellationToken cancellationToken = default)
    {
        foreach (var absorbed in absorbedProfileIds)
        {
            if (absorbed != survivorProfileId && _members.Remove(absorbed, out var m))
            {
                var s = _members.GetValueOrDefault(survivorProfileId);
                _members[survivorProfileId] = new Member(s.AsValue1 || m.AsValue1, s.AsValue2 || m.AsValue2, s.Timestamp ?? m.Timestamp);
            }
        }

        return ValueTask.CompletedTask;
    }

    private readonly record struct Member(bool AsValue1, bool AsValue2, DateTimeOffset? Timestamp);

    [LoggerMessage(EventId = 600, Level = LogLevel.Warning, Message = "Rule {RuleIndex} (version {Version}): a value is shared by {Count} profiles, more than {Max}; it no longer links profiles")]
    private static partial void LogSaturated(ILogger logger, int ruleIndex, int version, int count, int max);
}
