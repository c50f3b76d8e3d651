using Upt.Grains.Ingest;
using Upt.Grains.Merges;
using Upt.Grains.Profiles;
using Upt.Grains.Rules;
using Upt.Storage;

namespace Upt.Grains.Identifiers;

/// <summary>
/// An identifier. For a traveller id it is the single door to the traveller's profile: non-reentrant,
/// so one batch of the traveller's records is in flight at a time (per-traveller order), and it caches
/// the resolved profile id, following forwarding tombstones after merges. Lookup identifiers read the
/// lookup table on demand (they hold no state).
/// After each apply it runs identity resolution for the traveller's profile (<see cref="RuleResolver"/>).
/// </summary>
[GrainType(GrainTypeNames.Identifier)]
internal sealed class IdentifierGrain(ProfileStore store, MergeHistoryStore history, GroupCommitWriter writer, TimeProvider clock) : Grain, IIdentifierGrain
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
        var fieldsChanged = false;
        // Runs of ordinary records go to the profile together; each merge request is handled in its place in the order.
        for (var i = 0; i < records.Count;)
        {
            if (records[i].Mode == IngestMode.Merge)
            {
                var merged = await MergeAsync(records[i], settings, cancellationToken);
                fieldsChanged |= merged.FieldsChanged;
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
            try
            {
                fieldsChanged |= await ApplyRunAsync(run, settings, changes, cancellationToken);
            }
            catch (UnstorableRecordException)
            {
                // The database refuses something in the run and would on every redelivery: apply the records one by
                // one, and keep those it refuses as error records, so the rest lands and the shard moves on.
                foreach (var record in run)
                {
                    try
                    {
                        fieldsChanged |= await ApplyRunAsync([record], settings, changes, cancellationToken);
                    }
                    catch (UnstorableRecordException ex)
                    {
                        await writer.WriteErrorsAsync([new ErrorRow(RecordDecoder.ErrorId($"{record.SourceId}/{record.ObjectType}/{record.ObjectId}"), _domain,
                            RecordDecoder.IngestionErrorCategory, ex.Message, record.ObjectType, _value, null, record.Json, clock.GetUtcNow())], cancellationToken);
                        errors++;
                    }
                }
            }

            i = end;
        }

        // Fuzzy matching compares the profile again, off the ingestion path: its news goes one way, by a one-way call.
        if (fieldsChanged && !settings.Fuzzy.Disabled && _profileId is not null)
        {
            await GrainFactory.GetGrain<IFuzzyMatchGrain>(_domain).ProfileChangedAsync(_profileId);
        }

        return new ApplyOutcome(_profileId ?? "", changes, errors);
    }

    public ValueTask ForgetAsync(CancellationToken cancellationToken = default)
    {
        _profileId = null;
        return ValueTask.CompletedTask;
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

    /// <summary>Applies a run of ordinary records and resolves the profile by the rules; returns whether its fields changed.</summary>
    private async Task<bool> ApplyRunAsync(IReadOnlyList<IngestRecord> run, DomainSettings settings, List<ProfileChangeEvent> changes, CancellationToken cancellationToken)
    {
        var outcome = await ApplyFollowingForwardsAsync(run, settings, cancellationToken);
        changes.AddRange(outcome.Changes);
        ApplyOutcome resolved;
        try
        {
            resolved = await new RuleResolver(GrainFactory, history, _domain, settings).ResolveAsync(outcome, cancellationToken);
        }
        catch
        {
            // The profile counts the keys as linked once written; the batch is retried, and the retry must link them.
            try
            {
                await Profile(outcome.ProfileId).ForgetLinkedKeysAsync(CancellationToken.None);
            }
            catch (Exception)
            {
                // The profile is unreachable, and its memory with it: the original failure is what the caller must see.
            }

            throw;
        }

        changes.AddRange(resolved.Changes);
        _profileId = resolved.ProfileId;
        return outcome.FieldsChanged || resolved.FieldsChanged;
    }

    private async Task<ApplyOutcome> ApplyFollowingForwardsAsync(IReadOnlyList<IngestRecord> run, DomainSettings settings, CancellationToken cancellationToken)
    {
        for (var hop = 0; hop < MaxForwards; hop++)
        {
            var outcome = await ProfileMerger.RetryWhileMergingAsync(() => Profile(_profileId!).ApplyAsync(new ProfileApply(_value, run, settings), cancellationToken));
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

        var merged = await new ProfileMerger(GrainFactory, _domain).MergeAsync(_profileId, targetProfile, MergeContext.ManualFromEnvelope(record.SourceId), settings, cancellationToken);
        if (merged is null)
        {
            return new ApplyOutcome(_profileId, [], 0);
        }

        _profileId = merged.ProfileId;
        var resolved = await new RuleResolver(GrainFactory, history, _domain, settings).ResolveAsync(merged, cancellationToken);
        _profileId = resolved.ProfileId;
        return new ApplyOutcome(_profileId, merged.Changes.Concat(resolved.Changes).ToList(), 0) { FieldsChanged = merged.FieldsChanged || resolved.FieldsChanged };
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
