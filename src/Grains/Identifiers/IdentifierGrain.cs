using Upt.Grains.Ingest;
using Upt.Grains.Profiles;
using Upt.Storage;

namespace Upt.Grains.Identifiers;

/// <summary>
/// An identifier. For a traveller id it is the single door to the traveller's profile: non-reentrant,
/// so one batch of the traveller's records is in flight at a time (per-traveller order), and it caches
/// the resolved profile id, following forwarding tombstones after merges. Lookup identifiers read the
/// lookup table on demand (they hold no state).
/// </summary>
[GrainType(GrainTypeNames.Identifier)]
internal sealed class IdentifierGrain(ProfileStore store, GroupCommitWriter writer, TimeProvider clock) : Grain, IIdentifierGrain
{
    private const int MaxForwards = 16;
    private string _domain = "";
    private string _kind = "";
    private string _value = "";
    private string? _profileId;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_domain, _kind, _value) = GrainKeys.ParseIdentifier(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public async ValueTask<ApplyOutcome> IngestAsync(IReadOnlyList<IngestRecord> records, DomainSettings settings, CancellationToken cancellationToken = default)
    {
        EnsureKind(IdentifierKinds.Traveller);
        var changes = new List<ProfileChangeEvent>();
        var errors = 0;
        // Runs of ordinary records go to the profile together; each merge request is handled in its place in the order.
        for (var i = 0; i < records.Count;)
        {
            if (records[i].Mode == IngestMode.Merge)
            {
                var merged = await MergeAsync(records[i], settings, cancellationToken);
                changes.AddRange(merged.Changes);
                errors += merged.Errors;
                i++;
                continue;
            }

            var end = i;
            while (end < records.Count && records[end].Mode != IngestMode.Merge)
            {
                end++;
            }

            var run = records.Skip(i).Take(end - i).ToList();
            _profileId ??= await store.GetTravellerProfileAsync(_domain, _value) ?? ProfileIds.ForTraveller(_domain, _value);
            var outcome = await ApplyFollowingForwardsAsync(run, settings, cancellationToken);
            changes.AddRange(outcome.Changes);
            i = end;
        }

        return new ApplyOutcome(_profileId ?? "", changes, errors);
    }

    public async ValueTask<string?> ResolveAsync(CancellationToken cancellationToken = default)
    {
        EnsureKind(IdentifierKinds.Traveller);
        // The table, not the cache: a merge made through another traveller re-points this one there first.
        return await store.GetTravellerProfileAsync(_domain, _value) ?? _profileId;
    }

    public async ValueTask<IReadOnlyList<string>> FindProfilesAsync(CancellationToken cancellationToken = default)
    {
        if (_kind == IdentifierKinds.Traveller)
        {
            return await ResolveAsync(cancellationToken) is { } id ? [id] : [];
        }

        return LookupValues.Normalise(_kind, _value) is { } normalised
            ? await store.FindByLookupAsync(_domain, _kind, normalised, cancellationToken: cancellationToken)
            : [];
    }

    private async Task<ApplyOutcome> ApplyFollowingForwardsAsync(IReadOnlyList<IngestRecord> run, DomainSettings settings, CancellationToken cancellationToken)
    {
        for (var hop = 0; hop < MaxForwards; hop++)
        {
            var outcome = await RetryWhileMergingAsync(() => Profile(_profileId!).ApplyAsync(new ProfileApply(_value, run, settings), cancellationToken));
            if (outcome.MergedInto is not { } survivor)
            {
                return outcome;
            }

            _profileId = survivor;
        }

        throw new InvalidOperationException($"Too many merge forwards for a traveller of domain {_domain}");
    }

    /// <summary>
    /// Envelope merge mode: this traveller's profile and the target traveller's profile become one.
    /// The survivor is chosen by a total order (the smaller profile id), never by direction, so two
    /// opposite merge requests at once cannot make two profiles absorb each other.
    /// </summary>
    private async Task<ApplyOutcome> MergeAsync(IngestRecord record, DomainSettings settings, CancellationToken cancellationToken)
    {
        var target = record.MergeIntoTravellerId!;
        _profileId ??= await store.GetTravellerProfileAsync(_domain, _value);
        var targetProfile = await GrainFactory.GetGrain<IIdentifierGrain>(GrainKeys.Identifier(_domain, IdentifierKinds.Traveller, target)).ResolveAsync(cancellationToken);
        if (_profileId is null || targetProfile is null)
        {
            var missing = _profileId is null ? _value : target;
            await writer.WriteErrorsAsync([new ErrorRow(RecordDecoder.ErrorId(record.SourceId + "/merge"), _domain, RecordDecoder.IngestionErrorCategory,
                $"Cannot merge: traveller {missing} has no profile", record.ObjectType, _value, null, record.Json, clock.GetUtcNow())], cancellationToken);
            return new ApplyOutcome(_profileId ?? "", [], 1);
        }

        // Both ends may be stale after earlier merges: an empty apply answers with the current survivor.
        await ApplyFollowingForwardsAsync([], settings, cancellationToken);
        var mine = _profileId!;
        var other = await CurrentAsync(targetProfile, target, settings, cancellationToken);
        var changes = new List<ProfileChangeEvent>();
        // Either side may move while we work (another merge absorbs it): follow it and try again until
        // both sides are one profile. Every hop moves to a profile that already absorbed one of the sides.
        for (var hop = 0; hop < MaxForwards && mine != other; hop++)
        {
            var (survivor, absorbed) = string.CompareOrdinal(mine, other) < 0 ? (mine, other) : (other, mine);
            var outcome = await RetryWhileMergingAsync(() => Profile(survivor).AbsorbAsync(absorbed, MergeContext.ManualFromEnvelope(record.SourceId), settings, cancellationToken));
            if (outcome.MergedInto is { } survivorMoved)
            {
                (mine, other) = survivor == mine ? (survivorMoved, other) : (mine, survivorMoved);
                continue;
            }

            if (outcome.AbsorbedMovedTo is { } absorbedMoved)
            {
                (mine, other) = absorbed == mine ? (absorbedMoved, other) : (mine, absorbedMoved);
                continue;
            }

            changes.AddRange(outcome.Changes);
            mine = other = survivor;
        }

        if (mine != other)
        {
            throw new InvalidOperationException($"Merge of two travellers of domain {_domain} did not converge after {MaxForwards} hops");
        }

        _profileId = mine;
        return new ApplyOutcome(_profileId!, changes, 0);
    }

    private async Task<string> CurrentAsync(string profileId, string travellerId, DomainSettings settings, CancellationToken cancellationToken)
    {
        var current = profileId;
        for (var hop = 0; hop < MaxForwards; hop++)
        {
            var outcome = await RetryWhileMergingAsync(() => Profile(current).ApplyAsync(new ProfileApply(travellerId, [], settings), cancellationToken));
            if (outcome.MergedInto is not { } survivor)
            {
                return current;
            }

            current = survivor;
        }

        return current;
    }

    /// <summary>
    /// A profile sealed for a merge answers "retry" for the few milliseconds of the survivor's commit;
    /// wait it out here (bounded) rather than failing the whole batch.
    /// </summary>
    private static async Task<ApplyOutcome> RetryWhileMergingAsync(Func<ValueTask<ApplyOutcome>> call)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (ProfileMergingException) when (attempt < 25)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 10 << attempt)));
            }
        }
    }

    private IProfileGrain Profile(string profileId) => GrainFactory.GetGrain<IProfileGrain>(GrainKeys.Profile(_domain, profileId));

    private void EnsureKind(string kind)
    {
        if (_kind != kind)
        {
            throw new InvalidOperationException($"Identifier kind '{_kind}' does not support this call (needs '{kind}').");
        }
    }
}
