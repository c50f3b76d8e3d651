using Microsoft.Extensions.Logging;
using Upt.Matching;
using Upt.Matching.Blocking;
using Upt.Matching.Scoring;
using Upt.Storage;

namespace Upt.Grains.Fuzzy;

/// <summary>
/// One fuzzy-matching block. Non-reentrant: offers are compared one after another, so of two duplicates offered at
/// once the second always meets the first. Members are stored as ids (<see cref="MatchBlockStore"/>) and their
/// candidates rebuilt from the profiles' stored fields on activation, so membership survives restarts and a
/// rebuilt member is as current as its profile.
/// </summary>
internal sealed partial class MatchBlockGrain(MatchBlockStore store, FuzzyProfileReader profiles, ILogger<MatchBlockGrain> logger)
    : Grain, IMatchBlockGrain
{
    // The offline evaluation's limit: a key shared by more profiles is a placeholder or a very common value.
    private static readonly int MaxSize = MatchSettings.Default.MaxBlockSize;

    private readonly Dictionary<string, MatchCandidate> _members = new(StringComparer.Ordinal);

    // Ids with a stored row. Rows stop at MaxSize + 1: the extra row is what marks the block over-full after a restart.
    private readonly HashSet<string> _stored = new(StringComparer.Ordinal);
    private string _domain = "";
    private string _blockKey = "";
    private bool _reported;

    private bool Oversized => _stored.Count > MaxSize;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_domain, var rest) = GrainKeys.ParseProfile(this.GetPrimaryKeyString());
        _blockKey = rest["block/".Length..];
        var rows = await store.LoadMembersAsync(_domain, _blockKey, MaxSize + 1, cancellationToken);
        var gone = new List<string>();
        foreach (var row in rows)
        {
            _stored.Add(row.ProfileId);
            if (row.FieldsJson is null || row.MergedInto is not null)
            {
                gone.Add(row.ProfileId);
                continue;
            }

            // The profile may have changed while this block slept; one that no longer has the key has left.
            var candidate = FuzzyInputs.FromStateJson(row.FieldsJson).ToCandidate();
            if (!BlockingKeys.For(candidate).Contains(_blockKey, StringComparer.Ordinal))
            {
                gone.Add(row.ProfileId);
                continue;
            }

            _members[row.ProfileId] = candidate;
        }

        await ForgetAsync(gone, cancellationToken);
        if (Oversized)
        {
            _members.Clear();
        }
    }

    public async ValueTask<BlockOffer> OfferAsync(string profileId, MatchInput input, double minScore, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(profileId);
        ArgumentNullException.ThrowIfNull(input);
        if (!_stored.Contains(profileId) && !Oversized)
        {
            await store.AddMemberAsync(_domain, _blockKey, profileId, cancellationToken);
            _stored.Add(profileId);
        }

        if (Oversized)
        {
            _members.Clear();
            Report();
            FuzzyMetrics.OversizedOffers.Add(1);
            return new BlockOffer([], _stored.Count, Oversized: true);
        }

        var candidate = input.ToCandidate();
        _members[profileId] = candidate;
        var hits = new List<BlockMatch>();
        foreach (var (otherId, other) in _members)
        {
            if (otherId == profileId)
            {
                continue;
            }

            var score = MatchScorer.Score(candidate, other).Score;
            if (score >= minScore)
            {
                hits.Add(new BlockMatch(otherId, score));
            }
        }

        if (hits.Count == 0)
        {
            return new BlockOffer([], _stored.Count, Oversized: false);
        }

        // Only members worth reporting are checked: a member merged away or deleted since it was offered is dropped
        // (its survivor is offered on its own and joins the blocks of its own keys).
        var live = await profiles.LiveAmongAsync(_domain, hits.Select(h => h.ProfileId).ToList(), cancellationToken);
        await ForgetAsync(hits.Where(h => !live.Contains(h.ProfileId)).Select(h => h.ProfileId).ToList(), cancellationToken);
        var matches = hits.Where(h => live.Contains(h.ProfileId))
            .OrderByDescending(h => h.Score).ThenBy(h => h.ProfileId, StringComparer.Ordinal).ToList();
        return new BlockOffer(matches, _stored.Count, Oversized: false);
    }

    public async ValueTask RemoveAsync(string profileId, CancellationToken cancellationToken = default) =>
        await ForgetAsync([profileId], cancellationToken);

    private async Task ForgetAsync(IReadOnlyList<string> profileIds, CancellationToken cancellationToken)
    {
        var stored = profileIds.Where(_stored.Contains).ToList();
        foreach (var id in profileIds)
        {
            _members.Remove(id);
        }

        if (stored.Count > 0)
        {
            await store.RemoveMembersAsync(_domain, _blockKey, stored, cancellationToken);
            _stored.ExceptWith(stored);
        }
    }

    // Once per activation: the key itself (names, email local parts) is personal data, so only its family is logged.
    private void Report()
    {
        if (_reported)
        {
            return;
        }

        _reported = true;
        var colon = _blockKey.IndexOf(':', StringComparison.Ordinal);
        LogOversized(logger, colon > 0 ? _blockKey[..colon] : "?", _stored.Count, MaxSize);
    }

    [LoggerMessage(EventId = 900, Level = LogLevel.Warning, Message = "Fuzzy-matching block of key family {Family} holds {Members} members, over the limit of {Limit}: its offers are not compared")]
    private static partial void LogOversized(ILogger logger, string family, int members, int limit);
}
