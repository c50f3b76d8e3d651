using Microsoft.Extensions.Logging;
using Upt.Grains.Ingest;
using Upt.Matching.Blocking;
using Upt.Matching.Scoring;
using Upt.Storage;

namespace Upt.Grains.Fuzzy;

/// <summary>
/// Continuous fuzzy matching of one domain. A stateless worker: it holds nothing but a settings cache, and the
/// serialization that matters happens in the block grains, so changed profiles are matched in parallel. Profiles
/// changed at once can both see their pair and both ask to merge it; the merge grain makes the second a no-op.
/// </summary>
[StatelessWorker]
internal sealed partial class FuzzyMatchGrain(
    ProfileStore profiles,
    MatchBlockStore blocks,
    FuzzyProfileReader reader,
    MatchPairStore pairs,
    TimeProvider clock,
    ILogger<FuzzyMatchGrain> logger) : Grain, IFuzzyMatchGrain
{
    // A merge re-offers the survivor, whose combined fields may match more; a cluster of n duplicates needs n - 1
    // rounds. The cap only stops a pathological cascade, which the next change or full pass continues.
    private const int MaxRounds = 16;
    private const int FullPassPageSize = 500;
    private const int FullPassParallelism = 4;

    private DomainSettingsCache? _settings;
    private string _domain = "";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _domain = this.GetPrimaryKeyString();
        _settings = new DomainSettingsCache(GrainFactory, clock);
        return Task.CompletedTask;
    }

    public async ValueTask ProfileChangedAsync(string profileId)
    {
        try
        {
            if (await SettingsAsync() is { } settings)
            {
                await MatchAsync(profileId, settings, new PassTally(), CancellationToken.None);
            }
        }
        catch (Exception ex)
        {
            // One-way: nobody awaits this call, so a failure is only ever seen here.
            LogMatchFailed(logger, ex);
        }
    }

    public async ValueTask<FullPassResult> RunFullPassAsync(CancellationToken cancellationToken = default)
    {
        var tally = new PassTally();
        if (await SettingsAsync() is not { } settings)
        {
            return tally.ToResult();
        }

        string? after = null;
        while (true)
        {
            var page = await reader.LiveProfileIdsAsync(_domain, after, FullPassPageSize, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            // A few at a time: the awaits interleave on this activation's scheduler, so the tally needs no lock.
            foreach (var chunk in page.Chunk(FullPassParallelism))
            {
                await Task.WhenAll(chunk.Select(id => MatchAsync(id, settings, tally, cancellationToken)));
            }

            tally.Profiles += page.Count;
            after = page[^1];
        }

        LogFullPass(logger, tally.Profiles, tally.Merges, tally.ReviewPairs, tally.Guarded);
        return tally.ToResult();
    }

    private async Task<FuzzyMatchSettings?> SettingsAsync()
    {
        await _settings!.RefreshAsync([_domain]);
        return _settings.Get(_domain)?.Fuzzy is { Disabled: false } fuzzy ? fuzzy : null;
    }

    private async Task MatchAsync(string profileId, FuzzyMatchSettings settings, PassTally tally, CancellationToken cancellationToken)
    {
        string? next = profileId;
        for (var round = 0; round < MaxRounds && next is not null; round++)
        {
            next = await MatchOnceAsync(next, settings, tally, cancellationToken);
        }
    }

    /// <summary>Offers a profile to its blocks and acts on the pairs; returns the survivor to offer again after a merge.</summary>
    private async Task<string?> MatchOnceAsync(string profileId, FuzzyMatchSettings settings, PassTally tally, CancellationToken cancellationToken)
    {
        var view = await Profile(profileId).GetAsync(ProfileQuery.FieldsOnly, cancellationToken);
        if (view is null || view.ProfileId != profileId)
        {
            // Deleted, or merged away: its pairs and block memberships go; a survivor is matched in its place.
            await ForgetAsync(profileId, cancellationToken);
            if (view is null)
            {
                return null;
            }

            profileId = view.ProfileId;
        }

        var input = await InputAsync(view, cancellationToken);
        var candidate = input.ToCandidate();
        var keys = BlockingKeys.For(candidate);
        await LeaveStaleBlocksAsync(profileId, keys, cancellationToken);
        var offers = await Task.WhenAll(keys.Select(key => Block(key).OfferAsync(profileId, input, settings.ReviewThreshold, cancellationToken).AsTask()));

        // The same member can share several blocks; it is one pair.
        var found = offers.SelectMany(o => o.Matches)
            .Where(m => m.ProfileId != profileId)
            .GroupBy(m => m.ProfileId, StringComparer.Ordinal)
            .Select(g => new BlockMatch(g.Key, g.Max(m => m.Score)))
            .OrderByDescending(m => m.Score).ThenBy(m => m.ProfileId, StringComparer.Ordinal)
            .ToList();

        var reviews = new List<MatchPairWrite>();
        foreach (var match in found)
        {
            // The block's copy of the member may be older than the profile: score what the profiles are now.
            var other = await Profile(match.ProfileId).GetAsync(ProfileQuery.FieldsOnly, cancellationToken);
            if (other is null || other.ProfileId == profileId)
            {
                continue;
            }

            var score = MatchScorer.Score(candidate, (await InputAsync(other, cancellationToken)).ToCandidate()).Score;
            if (score < settings.ReviewThreshold)
            {
                continue;
            }

            if (!settings.AutoMergeDisabled && score >= settings.AutoMergeThreshold)
            {
                var verdict = await MergeGuard.CheckAsync(reader, _domain, profileId, other.ProfileId, cancellationToken);
                if (verdict == GuardVerdict.Allowed)
                {
                    // The pairs found so far are dropped: the survivor is matched again with its combined fields.
                    return await MergeAsync(profileId, other.ProfileId, score, tally, cancellationToken);
                }

                tally.Guarded++;
                FuzzyMetrics.Guarded.Add(1, new KeyValuePair<string, object?>("reason", verdict == GuardVerdict.FalsePositive ? "false_positive" : "chaining"));
                LogGuarded(logger, verdict.ToString());
                if (verdict == GuardVerdict.FalsePositive)
                {
                    continue;
                }
            }

            reviews.Add(new MatchPairWrite(profileId, other.ProfileId, score, ProfileDiff.Of(view.Fields, other.Fields), MatchPairSource.Ai));
        }

        if (reviews.Count > 0)
        {
            await pairs.UpsertAsync(_domain, reviews, cancellationToken);
            tally.ReviewPairs += reviews.Count;
            FuzzyMetrics.ReviewPairs.Add(reviews.Count);
        }

        return null;
    }

    private async Task<string?> MergeAsync(string profileId, string otherProfileId, double score, PassTally tally, CancellationToken cancellationToken)
    {
        var outcome = await GrainFactory.GetGrain<IMergeGrain>(_domain).MergeAsync(profileId, otherProfileId, MergeContext.FromMatch(score), cancellationToken);
        if (outcome is null)
        {
            // One side no longer exists; the next change of the other matches it again.
            return null;
        }

        var survivor = outcome.ProfileId;
        foreach (var absorbed in new[] { profileId, otherProfileId }.Where(id => id != survivor))
        {
            await ForgetAsync(absorbed, cancellationToken);
        }

        if (outcome.Changes.Count > 0)
        {
            tally.Merges++;
            FuzzyMetrics.Merges.Add(1);
            LogMerged(logger, score);
        }

        return survivor;
    }

    /// <summary>A profile that is gone (merged away or deleted): its pairs are deleted and it leaves its blocks.</summary>
    private async Task ForgetAsync(string profileId, CancellationToken cancellationToken)
    {
        await pairs.DeletePairsOfAsync(_domain, profileId, cancellationToken);
        var stored = await blocks.BlocksOfAsync(_domain, profileId, cancellationToken);
        await Task.WhenAll(stored.Select(key => Block(key).RemoveAsync(profileId, cancellationToken).AsTask()));
    }

    // Fields change, so keys change: a profile leaves the blocks of keys it no longer has.
    private async Task LeaveStaleBlocksAsync(string profileId, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var stored = await blocks.BlocksOfAsync(_domain, profileId, cancellationToken);
        var stale = stored.Except(keys, StringComparer.Ordinal).ToList();
        await Task.WhenAll(stale.Select(key => Block(key).RemoveAsync(profileId, cancellationToken).AsTask()));
    }

    private Task<MatchInput> InputAsync(ProfileView view, CancellationToken cancellationToken) =>
        FuzzyInputs.FromViewAsync(profiles, view, cancellationToken);

    private IProfileGrain Profile(string profileId) => GrainFactory.GetGrain<IProfileGrain>(GrainKeys.Profile(_domain, profileId));

    private IMatchBlockGrain Block(string blockKey) => GrainFactory.GetGrain<IMatchBlockGrain>(GrainKeys.MatchBlock(_domain, blockKey));

    [LoggerMessage(EventId = 910, Level = LogLevel.Error, Message = "Fuzzy matching of a changed profile failed; its next change or a full pass matches it again")]
    private static partial void LogMatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 911, Level = LogLevel.Information, Message = "Fuzzy match merged two profiles automatically (score {Score:0.####})")]
    private static partial void LogMerged(ILogger logger, double score);

    [LoggerMessage(EventId = 912, Level = LogLevel.Information, Message = "Fuzzy match above the auto-merge threshold not merged: {Verdict}")]
    private static partial void LogGuarded(ILogger logger, string verdict);

    [LoggerMessage(EventId = 913, Level = LogLevel.Information, Message = "Fuzzy full pass: {Profiles} profiles, {Merges} merges, {ReviewPairs} review pairs, {Guarded} held back")]
    private static partial void LogFullPass(ILogger logger, int profiles, int merges, int reviewPairs, int guarded);
}
