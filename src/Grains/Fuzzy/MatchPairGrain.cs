using Microsoft.Extensions.Logging;
using Upt.Matching.Scoring;
using Upt.Storage;

namespace Upt.Grains.Fuzzy;

/// <summary>
/// Reads and marks a domain's match pairs for the API. A stateless worker: it holds nothing, every answer comes from
/// the pair table and the profiles. Fuzzy matching only forgets the pairs of profiles it sees change, so a merge or
/// delete from elsewhere (API, rules, privacy purge) can leave a pair behind; reads find those by the profiles and
/// delete them (UPT deleted stale matches on the profile read too).
/// </summary>
[StatelessWorker]
internal sealed partial class MatchPairGrain(MatchPairStore pairs, ProfileStore profiles, ILogger<MatchPairGrain> logger) : Grain, IMatchPairGrain
{
    // Each pass over a page deletes what it found stale; a page still short after this many passes is answered short.
    private const int MaxListPasses = 3;

    private string Domain => this.GetPrimaryKeyString();

    public async ValueTask<MatchPairList> ListAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var live = new List<MatchPairEntry>();
        long total = 0;
        for (var pass = 0; pass < MaxListPasses; pass++)
        {
            var stored = await pairs.ListByScoreAsync(Domain, page, pageSize, cancellationToken);
            var entries = await Task.WhenAll(stored.Pairs.Select(p => LiveAsync(p, p.ProfileA, cancellationToken)));
            live = entries.OfType<MatchPairEntry>().ToList();
            var stale = stored.Pairs.Where((_, i) => entries[i] is null).ToList();
            total = stored.Total - stale.Count;
            if (stale.Count == 0)
            {
                break;
            }

            await DeleteStaleAsync(stale, cancellationToken);
        }

        return new MatchPairList(live, total);
    }

    public async ValueTask<IReadOnlyList<MatchPairEntry>> ForProfileAsync(string profileId, CancellationToken cancellationToken = default)
    {
        var current = await Profile(profileId).ResolveAsync(cancellationToken);
        if (current is null)
        {
            return [];
        }

        var stored = await pairs.ForProfileAsync(Domain, current, cancellationToken);
        var entries = await Task.WhenAll(stored.Select(p => LiveAsync(p, current, cancellationToken)));
        await DeleteStaleAsync(stored.Where((_, i) => entries[i] is null).ToList(), cancellationToken);
        return entries.OfType<MatchPairEntry>().ToList();
    }

    public async ValueTask<FalsePositiveOutcome> MarkFalsePositiveAsync(string profileId, string otherProfileId, CancellationToken cancellationToken = default)
    {
        var views = await ViewsAsync(profileId, otherProfileId, cancellationToken);
        if (views[0] is not { } one || views[1] is not { } other)
        {
            return FalsePositiveOutcome.ProfileNotFound;
        }

        if (one.ProfileId == other.ProfileId)
        {
            return FalsePositiveOutcome.SameProfile;
        }

        // Scored as fuzzy matching would, so a pair stored by this mark lists like any other false positive.
        var inputs = await Task.WhenAll(new[] { one, other }.Select(v => FuzzyInputs.FromViewAsync(profiles, v, cancellationToken)));
        var score = MatchScorer.Score(inputs[0].ToCandidate(), inputs[1].ToCandidate()).Score;
        var added = await pairs.FlagFalsePositiveAsync(Domain, new MatchPairWrite(one.ProfileId, other.ProfileId, score, ProfileDiff.Of(one.Fields, other.Fields), MatchPairSource.Ai), cancellationToken);
        LogMarked(logger, added);
        return FalsePositiveOutcome.Marked;
    }

    /// <summary>The pair with both profiles, <paramref name="sourceId"/> as the source; null when a profile was merged away or deleted.</summary>
    private async Task<MatchPairEntry?> LiveAsync(MatchPair pair, string sourceId, CancellationToken cancellationToken)
    {
        var targetId = pair.ProfileA == sourceId ? pair.ProfileB : pair.ProfileA;
        var views = await ViewsAsync(sourceId, targetId, cancellationToken);
        if (views[0] is not { } source || views[1] is not { } target || source.ProfileId != sourceId || target.ProfileId != targetId)
        {
            return null;
        }

        var forward = pair.ProfileA == sourceId;
        var diff = pair.Diff.Select(d => forward
            ? new MatchPairDiff(d.FieldName, d.SourceValue, d.TargetValue)
            : new MatchPairDiff(d.FieldName, d.TargetValue, d.SourceValue)).ToList();
        return new MatchPairEntry(source, target, pair.Score, diff, pair.FalsePositive, pair.MergeInProgress, pair.Source == MatchPairSource.Import);
    }

    private async Task DeleteStaleAsync(IReadOnlyList<MatchPair> stale, CancellationToken cancellationToken)
    {
        foreach (var pair in stale)
        {
            await pairs.DeletePairAsync(Domain, pair.ProfileA, pair.ProfileB, cancellationToken);
        }

        if (stale.Count > 0)
        {
            LogStaleDeleted(logger, stale.Count);
        }
    }

    // Both sides' fields at once; an old id answers its survivor's view, a missing profile null.
    private Task<ProfileView?[]> ViewsAsync(string profileId, string otherProfileId, CancellationToken cancellationToken) =>
        Task.WhenAll(new[] { profileId, otherProfileId }.Select(id => Profile(id).GetAsync(ProfileQuery.FieldsOnly, cancellationToken).AsTask()));

    private IProfileGrain Profile(string profileId) => GrainFactory.GetGrain<IProfileGrain>(GrainKeys.Profile(Domain, profileId));

    [LoggerMessage(EventId = 920, Level = LogLevel.Information, Message = "Deleted {Count} stale match pairs (a profile was merged away or deleted)")]
    private static partial void LogStaleDeleted(ILogger logger, int count);

    [LoggerMessage(EventId = 921, Level = LogLevel.Information, Message = "Match pair marked false positive (new pair: {Added})")]
    private static partial void LogMarked(ILogger logger, bool added);
}
