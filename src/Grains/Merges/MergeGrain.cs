using Microsoft.Extensions.Logging;
using Upt.Grains.Profiles;
using Upt.Grains.Changes;
using Upt.Grains.Rules;
using Upt.Storage;

namespace Upt.Grains.Merges;

/// <summary>
/// Merges, unmerges and deletes on request. A stateless worker: it holds nothing, and the work it coordinates is
/// serialized where it must be (in the profile grains, in one database transaction for an unmerge).
/// </summary>
[StatelessWorker]
internal sealed partial class MergeGrain(MergeHistoryStore history, ProfileStore profiles, MatchPairStore pairs, TimeProvider clock, ILogger<MergeGrain> logger) : Grain, IMergeGrain
{
    private const int InteractionProbeWidth = 16;

    private string Domain => this.GetPrimaryKeyString();

    public async ValueTask<ApplyOutcome?> MergeAsync(string profileId, string otherProfileId, MergeContext context, CancellationToken cancellationToken = default)
    {
        var settings = await SettingsAsync(cancellationToken);
        // Review pairs of the two show "merge in progress" while it runs; the absorbed side's pairs go with it.
        string[] sides = [profileId, otherProfileId];
        await pairs.SetMergeInProgressAsync(Domain, sides, true, cancellationToken);
        try
        {
            var merged = await new ProfileMerger(GrainFactory, Domain).MergeAsync(profileId, otherProfileId, context, settings, cancellationToken);
            if (merged is null)
            {
                return null;
            }

            // The combined profile may now match others by rules: resolve as ingestion would.
            var resolved = await new RuleResolver(GrainFactory, history, Domain, settings).ResolveAsync(merged, cancellationToken);
            foreach (var absorbed in sides.Where(id => id != resolved.ProfileId).Distinct(StringComparer.Ordinal))
            {
                await pairs.DeletePairsOfAsync(Domain, absorbed, cancellationToken);
            }

            var changes = merged.Changes.Concat(resolved.Changes).ToList();
            await PublishAsync(changes);
            return new ApplyOutcome(resolved.ProfileId, changes, 0);
        }
        finally
        {
            await pairs.SetMergeInProgressAsync(Domain, sides, false, CancellationToken.None);
        }
    }

    public async ValueTask<UnmergeOutcome> UnmergeAsync(string toUnmerge, string mergedInto, string? operatorId, CancellationToken cancellationToken = default)
    {
        var settings = await SettingsAsync(cancellationToken);
        // The evidence that linked the pair, so the rules do not merge them again on it.
        var evidence = (await history.GetAncestorMergesAsync(Domain, toUnmerge, cancellationToken)).SelectMany(m => MergeEvidence.FromContextJson(m.ContextJson)).Distinct().ToList();
        var result = await history.UnmergeAsync(Domain, toUnmerge, mergedInto, new UnmergeContext(evidence, operatorId), cancellationToken);
        if (!result.Succeeded)
        {
            return new UnmergeOutcome(false, result.Message, toUnmerge, result.ParentProfileId, []);
        }

        var parentId = result.ParentProfileId ?? mergedInto;
        await Task.WhenAll(result.MovedTravellerIds.Select(t =>
            GrainFactory.GetGrain<IIdentifierGrain>(GrainKeys.Identifier(Domain, IdentifierKinds.Traveller, t)).ForgetAsync(cancellationToken).AsTask()));
        var restored = GrainFactory.GetGrain<IProfileGrain>(GrainKeys.Profile(Domain, toUnmerge));
        var parent = GrainFactory.GetGrain<IProfileGrain>(GrainKeys.Profile(Domain, parentId));
        var restoredKeys = await restored.RebuildAsync(settings, unmerged: true, cancellationToken);
        var parentKeys = await parent.RebuildAsync(settings, unmerged: true, cancellationToken);

        // Keys both sides still share are the same evidence too; values only the restored profile carries no longer list the parent.
        var parentEvidence = parentKeys.LinkKeys.Select(k => k.Evidence).ToHashSet(StringComparer.Ordinal);
        var shared = restoredKeys.LinkKeys.Select(k => k.Evidence).Where(parentEvidence.Contains).Distinct().ToList();
        if (shared.Count > 0)
        {
            await history.BlockAsync(Domain, toUnmerge, parentId, shared, cancellationToken);
        }

        var onlyRestored = restoredKeys.LinkKeys.Where(k => !parentEvidence.Contains(k.Evidence)).Select(k => (k.Version, k.RuleIndex, k.Probe.Value)).Distinct();
        await Task.WhenAll(onlyRestored.Select(v =>
            GrainFactory.GetGrain<IRuleIndexGrain>(GrainKeys.RuleIndex(Domain, v.Version, v.RuleIndex, v.Value)).UnlinkAsync(parentId, cancellationToken).AsTask()));
        var resolver = new RuleResolver(GrainFactory, history, Domain, settings);
        var relinked = await resolver.ResolveAsync(restoredKeys, cancellationToken);

        var now = clock.GetUtcNow();
        await PublishAsync([new ProfileChangeEvent(Domain, parentId, ChangeKind.Unmerged, null, toUnmerge, null, now), .. relinked.Changes]);
        LogUnmerged(logger, result.MovedTravellerIds.Count, result.MovedObjects);
        return new UnmergeOutcome(true, result.Message, toUnmerge, parentId, result.MovedTravellerIds);
    }

    public async ValueTask<bool> DeleteProfileAsync(string profileId, string? operatorId, CancellationToken cancellationToken = default)
    {
        var deleted = await history.DeleteProfileAsync(Domain, profileId, operatorId, cancellationToken);
        if (!deleted.Deleted)
        {
            return false;
        }

        await Task.WhenAll(deleted.ForwardingProfileIds.Append(deleted.ProfileId).Distinct()
            .Select(id => GrainFactory.GetGrain<IProfileGrain>(GrainKeys.Profile(Domain, id)).ResetAsync(cancellationToken).AsTask()));
        await Task.WhenAll(deleted.TravellerIds.Select(t =>
            GrainFactory.GetGrain<IIdentifierGrain>(GrainKeys.Identifier(Domain, IdentifierKinds.Traveller, t)).ForgetAsync(cancellationToken).AsTask()));
        await PublishAsync([new ProfileChangeEvent(Domain, deleted.ProfileId, ChangeKind.Deleted, null, null, null, clock.GetUtcNow())]);
        return true;
    }

    public async ValueTask<IReadOnlyList<InteractionHistoryEntry>?> GetInteractionHistoryAsync(string objectType, string objectId, string profileId, CancellationToken cancellationToken = default)
    {
        var current = await GrainFactory.GetGrain<IProfileGrain>(GrainKeys.Profile(Domain, profileId)).ResolveAsync(cancellationToken);
        if (current is null)
        {
            return null;
        }

        // Objects are keyed by traveller, so the profile's travellers are probed a few at a time rather than all at once.
        StoredObject? found = null;
        foreach (var chunk in (await profiles.GetTravellerIdsAsync(Domain, current, cancellationToken)).Chunk(InteractionProbeWidth))
        {
            var hits = await Task.WhenAll(chunk.Select(t => profiles.GetObjectAsync(Domain, objectType, t, objectId, cancellationToken)));
            foreach (var hit in hits.OfType<StoredObject>())
            {
                if (found is null || hit.CreatedAt > found.CreatedAt)
                {
                    found = hit;
                }
            }
        }

        if (found is null)
        {
            return null;
        }

        // A new traveller's rows are first written by the profile its identifier creates for it, the name-based id of
        // its traveller id, so that id is the traveller's original profile id and the lineage starts there.
        var original = ProfileIds.ForTraveller(Domain, found.TravellerId);
        var merges = await history.GetAncestorMergesAsync(Domain, original, cancellationToken);
        var entries = new List<InteractionHistoryEntry>(merges.Count + 1)
        {
            new(found.CreatedAt, InteractionHistoryEntry.InteractionCreated, 0, null, null, null, original, null),
        };
        entries.AddRange(merges.Select(m => new InteractionHistoryEntry(
            m.At, m.MergeType, m.ConfidenceFactor, m.RuleId, m.RuleSetVersion, m.OperatorId, m.AbsorbedProfileId, m.SurvivorProfileId)));
        return entries;
    }

    private async Task<DomainSettings> SettingsAsync(CancellationToken cancellationToken) =>
        await GrainFactory.GetGrain<IDomainGrain>(Domain).GetSettingsAsync(cancellationToken)
        ?? throw new InvalidOperationException($"Domain {Domain} does not exist");

    private Task PublishAsync(IReadOnlyList<ProfileChangeEvent> events) =>
        ChangePublisher.PublishAsync(this.GetStreamProvider(ChangeStreams.ProviderName), events, logger);

    [LoggerMessage(EventId = 700, Level = LogLevel.Information, Message = "Unmerge moved {Travellers} travellers and {Objects} objects back")]
    private static partial void LogUnmerged(ILogger logger, int travellers, long objects);
}
