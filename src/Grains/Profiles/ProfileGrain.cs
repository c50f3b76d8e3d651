using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Upt.Grains.Ingest;
using Upt.Grains.Merges;
using Upt.Grains.Rules;
using Upt.Rules;
using Upt.Storage;
using Upt.Transforms.Records;

namespace Upt.Grains.Profiles;

/// <summary>
/// A unified profile. Non-reentrant: one traveller batch at a time, which gives per-profile ordering
/// and a single outstanding write. Objects are never held in memory; a write sends only this batch's rows.
/// </summary>
[GrainType(GrainTypeNames.Profile)]
internal sealed partial class ProfileGrain(ProfileStore store, GroupCommitWriter writer, TimeProvider clock, ILogger<ProfileGrain> logger)
    : Grain, IProfileGrain
{
    private string _domain = "";
    private string _profileId = "";
    private Task? _loading;
    private bool _exists;
    private ProfileState _state = new();
    private HashSet<LookupRow> _lookups = [];
    private DateTimeOffset _createdAt;
    private DateTimeOffset _updatedAt;
    private readonly HashSet<string> _linkedTravellers = new(StringComparer.Ordinal);
    private string? _mergedInto;
    private string? _sealedFor;
    private DateTimeOffset _sealedUntil;
    // Profile-level rule keys stored and linked, and the rule-set version they are for (0: none yet in this activation,
    // so the first apply under a rule set links everything again — which also heals a crash between write and link).
    private IReadOnlyList<RuleKeyRef> _profileKeys = [];
    private int _keysVersion;
    // Object-level rule keys linked in this activation: an object ingested again (a loyalty id in every booking) links
    // nothing new, so it neither writes its lookup rows nor calls the rule index again. Forgotten when a resolution fails.
    // Made on first use: most profiles of a domain without object-level rules never need one.
    private HashSet<RuleKeyRef>? _linkedObjectKeys;

    // How long an absorbed profile waits for its survivor's commit before it re-reads the truth from the database.
    private static readonly TimeSpan SealTimeout = TimeSpan.FromSeconds(30);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_domain, _profileId) = GrainKeys.ParseProfile(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public async ValueTask<ApplyOutcome> ApplyAsync(ProfileApply apply, CancellationToken cancellationToken = default)
    {
        await EnsureLoadedAsync();
        await CheckSealAsync();
        if (_mergedInto is { } survivor)
        {
            return ApplyOutcome.Forward(_profileId, survivor);
        }

        if (apply.Records.Count == 0)
        {
            return ApplyOutcome.None(_profileId);
        }

        var next = _state.Clone();
        var fieldsChanged = false;
        var objects = new Dictionary<(string Type, string Traveller, string Id), ObjectRow>();
        var ranks = apply.Settings.ObjectTypePriority;

        foreach (var record in apply.Records)
        {
            var (json, promoted) = record.Mode == IngestMode.Partial
                ? await OverlayAsync(record, objects, cancellationToken)
                : (record.Json, record.Promoted);

            objects[(record.ObjectType, record.TravellerId, record.ObjectId)] =
                new ObjectRow(record.ObjectType, record.TravellerId, record.ObjectId, json, record.LastUpdated);

            foreach (var (field, value) in promoted)
            {
                fieldsChanged |= next.Offer(field, new FieldValue(value, record.LastUpdated, record.ObjectType), ranks);
            }

            if (record.ObjectType is FlatRecordTypes.AirLoyalty or FlatRecordTypes.HotelLoyalty
                && LookupValues.NormaliseId(record.ObjectId) is { } loyaltyId)
            {
                fieldsChanged |= next.LoyaltyIds.Add(loyaltyId);
            }
        }

        // Lookups are a function of the state and the rule set: unchanged state and rules, unchanged lookups.
        var rules = ActiveRules.For(_domain, apply.Settings);
        var relink = rules.Version != _keysVersion;
        var values = fieldsChanged || relink ? next.Values() : null;
        var profileKeys = values is null ? _profileKeys : rules.ProfileKeys(values);
        var lookups = values is null ? _lookups : LookupsOf(next, profileKeys);
        var objectKeys = ObjectKeys(rules, next, objects.Values).Where(k => _linkedObjectKeys?.Contains(k) != true).Distinct().ToList();
        var newTravellers = _linkedTravellers.Contains(apply.TravellerId) ? [] : new[] { apply.TravellerId };
        var write = new ProfileWrite(_domain, _profileId)
        {
            FieldsJson = fieldsChanged || !_exists ? next.ToJson() : null,
            NewTravellers = newTravellers,
            Objects = objects.Values.ToList(),
            AddLookups = lookups.Except(_lookups).Concat(objectKeys.SelectMany(k => RuleLookups.Rows(k, profileLevel: false))).Distinct().ToList(),
            RemoveLookups = _lookups.Except(lookups).ToList(),
        };

        WriteResult result;
        try
        {
            result = await writer.WriteAsync(write, cancellationToken);
        }
        catch (UnstorableWriteException ex)
        {
            // The state is untouched (it changes only after the write); the storage exception does not cross grain calls.
            throw new UnstorableRecordException(ex.Message);
        }

        var linkKeys = (relink ? profileKeys : profileKeys.Except(_profileKeys)).Concat(objectKeys).ToList();
        var unlinkKeys = relink ? [] : _profileKeys.Except(profileKeys).ToList();
        _profileKeys = profileKeys;
        _keysVersion = rules.Version;
        if (relink)
        {
            _linkedObjectKeys = null;
        }

        if (objectKeys.Count > 0)
        {
            (_linkedObjectKeys ??= []).UnionWith(objectKeys);
        }

        var wasNew = !_exists;
        _state = next;
        _lookups = lookups;
        _exists = true;
        _linkedTravellers.Add(apply.TravellerId);
        var now = clock.GetUtcNow();
        if (wasNew)
        {
            _createdAt = now;
        }

        if (result.ChangedObjects.Count > 0 || write.FieldsJson is not null)
        {
            _updatedAt = now;
        }

        // Events follow stream order, so the first object of a new profile is the one reported as CREATED.
        var position = objects.Keys.Select((key, index) => (key, index)).ToDictionary(x => x.key, x => x.index);
        var changes = new List<ProfileChangeEvent>(result.ChangedObjects.Count);
        foreach (var change in result.ChangedObjects.OrderBy(c => position.GetValueOrDefault((c.ObjectType, c.TravellerId, c.ObjectId))))
        {
            var kind = wasNew && changes.Count == 0 ? ChangeKind.Created : ChangeKind.Updated;
            changes.Add(new ProfileChangeEvent(_domain, _profileId, kind, change.ObjectType, change.ObjectId, change.TravellerId, now));
        }

        return new ApplyOutcome(_profileId, changes, 0) { LinkKeys = linkKeys, UnlinkKeys = unlinkKeys, FieldsChanged = fieldsChanged, UnmergeBlocked = _state.UnmergeBlocked };
    }

    public async ValueTask<ProfileView?> GetAsync(ProfileQuery query, CancellationToken cancellationToken = default)
    {
        await EnsureLoadedAsync();
        if (_mergedInto is { } survivor)
        {
            return await GrainFactory.GetGrain<IProfileGrain>(GrainKeys.Profile(_domain, survivor)).GetAsync(query, cancellationToken);
        }

        if (!_exists)
        {
            return null;
        }

        var travellers = store.GetTravellerIdsAsync(_domain, _profileId, cancellationToken);
        var objects = new Dictionary<string, ObjectPage>(StringComparer.Ordinal);
        if (query.ObjectTypes is not { Count: 0 })
        {
            var counts = await store.CountObjectsAsync(_domain, _profileId, cancellationToken);
            var types = query.ObjectTypes ?? counts.Keys.Order(StringComparer.Ordinal).ToList();
            var pages = await Task.WhenAll(types.Select(async type =>
            {
                var total = counts.GetValueOrDefault(type);
                var rows = total == 0 ? [] : await store.GetObjectsPageAsync(_domain, _profileId, type, query.Page, query.PageSize, cancellationToken);
                return (type, page: new ObjectPage(rows.Select(ToView).ToList(), total));
            }));
            foreach (var (type, page) in pages)
            {
                objects[type] = page;
            }
        }

        return new ProfileView(_domain, _profileId, _state.Values(), await travellers, _createdAt, _updatedAt, objects);
    }

    public async ValueTask<ApplyOutcome> AbsorbAsync(string absorbedProfileId, MergeContext context, DomainSettings settings, CancellationToken cancellationToken = default)
    {
        await EnsureLoadedAsync();
        await CheckSealAsync();
        if (_mergedInto is { } survivor)
        {
            return ApplyOutcome.Forward(_profileId, survivor);
        }

        if (absorbedProfileId == _profileId || !_exists)
        {
            return ApplyOutcome.None(_profileId);
        }

        var absorbed = GrainFactory.GetGrain<IProfileGrain>(GrainKeys.Profile(_domain, absorbedProfileId));
        var detached = await absorbed.DetachAsync(_profileId, cancellationToken);
        if (detached.MergedInto is { } elsewhere)
        {
            return elsewhere == _profileId ? ApplyOutcome.None(_profileId) : ApplyOutcome.AbsorbedElsewhere(_profileId, elsewhere);
        }

        if (detached.FieldsJson is not { } theirs)
        {
            return ApplyOutcome.None(_profileId);
        }

        var next = _state.Clone();
        var other = ProfileState.FromJson(theirs);
        foreach (var (field, value) in other.Fields)
        {
            next.Offer(field, value, settings.ObjectTypePriority);
        }

        next.LoyaltyIds.UnionWith(other.LoyaltyIds);
        // Keys the combined fields produce that neither side had are new evidence: the caller links them (cascade).
        var rules = ActiveRules.For(_domain, settings);
        var profileKeys = rules.ProfileKeys(next.Values());
        var known = rules.Version == _keysVersion ? _profileKeys.Concat(rules.ProfileKeys(other.Values())).ToHashSet() : [];
        var lookups = LookupsOf(next, profileKeys);
        var merge = new MergeRecord(context.MergeType, context.ConfidenceFactor, context.RuleId, context.RuleSetVersion, context.OperatorId, context.Score,
            MergeEvidence.ToContextJson(context.Evidence));
        var write = new ProfileWrite(_domain, _profileId)
        {
            FieldsJson = next.ToJson(),
            Absorbed = [new AbsorbedProfile(absorbedProfileId, merge)],
            AddLookups = lookups.Except(_lookups).ToList(),
            RemoveLookups = _lookups.Except(lookups).ToList(),
        };
        try
        {
            await writer.WriteAsync(write, cancellationToken);
        }
        catch
        {
            await absorbed.CompleteDetachAsync(_profileId, merged: false, cancellationToken);
            throw;
        }

        await absorbed.CompleteDetachAsync(_profileId, merged: true, cancellationToken);
        var linkKeys = profileKeys.Where(k => !known.Contains(k)).ToList();
        var unlinkKeys = rules.Version == _keysVersion ? _profileKeys.Except(profileKeys).ToList() : [];
        _state = next;
        _lookups = lookups;
        _profileKeys = profileKeys;
        _keysVersion = rules.Version;
        _updatedAt = clock.GetUtcNow();
        LogMerged(logger, context.MergeType);
        return new ApplyOutcome(_profileId, [new ProfileChangeEvent(_domain, _profileId, ChangeKind.Merged, null, absorbedProfileId, null, _updatedAt)], 0)
        {
            LinkKeys = linkKeys,
            UnlinkKeys = unlinkKeys,
            FieldsChanged = true,
            UnmergeBlocked = _state.UnmergeBlocked,
        };
    }

    public async ValueTask<DetachResult> DetachAsync(string survivorProfileId, CancellationToken cancellationToken = default)
    {
        await EnsureLoadedAsync();
        await CheckSealAsync();
        if (_mergedInto is { } survivor)
        {
            return new DetachResult(null, survivor);
        }

        if (!_exists)
        {
            return DetachResult.Missing;
        }

        _sealedFor = survivorProfileId;
        _sealedUntil = clock.GetUtcNow() + SealTimeout;
        return new DetachResult(_state.ToJson(), null);
    }

    public ValueTask CompleteDetachAsync(string survivorProfileId, bool merged, CancellationToken cancellationToken = default)
    {
        if (_sealedFor == survivorProfileId)
        {
            if (merged)
            {
                _mergedInto = survivorProfileId;
                _state = new ProfileState();
                _lookups = [];
            }

            _sealedFor = null;
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask<string?> ResolveAsync(CancellationToken cancellationToken = default)
    {
        await EnsureLoadedAsync();
        if (_mergedInto is { } survivor)
        {
            return await GrainFactory.GetGrain<IProfileGrain>(GrainKeys.Profile(_domain, survivor)).ResolveAsync(cancellationToken);
        }

        return _exists ? _profileId : null;
    }

    public async ValueTask<MergeTarget?> ResolveMergeTargetAsync(CancellationToken cancellationToken = default)
    {
        await EnsureLoadedAsync();
        if (_mergedInto is { } survivor)
        {
            return await GrainFactory.GetGrain<IProfileGrain>(GrainKeys.Profile(_domain, survivor)).ResolveMergeTargetAsync(cancellationToken);
        }

        return _exists ? new MergeTarget(_profileId, _state.UnmergeBlocked) : null;
    }

    public async ValueTask<ApplyOutcome> RebuildAsync(DomainSettings settings, bool unmerged = false, CancellationToken cancellationToken = default)
    {
        Forget();
        await EnsureLoadedAsync();
        if (_mergedInto is { } survivor)
        {
            return ApplyOutcome.Forward(_profileId, survivor);
        }

        if (!_exists)
        {
            return ApplyOutcome.None(_profileId);
        }

        // Same precedence as ingestion, objects in the order their times give, so the result is what ingesting them gives.
        var rows = new List<StoredObject>();
        await foreach (var o in store.GetAllObjectsAsync(_domain, _profileId, cancellationToken))
        {
            rows.Add(o);
        }

        var next = new ProfileState { UnmergeBlocked = unmerged || _state.UnmergeBlocked };
        foreach (var o in rows.OrderBy(o => o.LastUpdated ?? o.CreatedAt).ThenBy(o => o.CreatedAt).ThenBy(o => o.ObjectId, StringComparer.Ordinal))
        {
            if (JsonNode.Parse(o.DataJson) is JsonObject flat)
            {
                foreach (var (field, value) in RecordDecoder.Promote(o.ObjectType, flat))
                {
                    next.Offer(field, new FieldValue(value, o.LastUpdated, o.ObjectType), settings.ObjectTypePriority);
                }
            }

            if (o.ObjectType is FlatRecordTypes.AirLoyalty or FlatRecordTypes.HotelLoyalty && LookupValues.NormaliseId(o.ObjectId) is { } loyaltyId)
            {
                next.LoyaltyIds.Add(loyaltyId);
            }
        }

        var rules = ActiveRules.For(_domain, settings);
        var profileKeys = rules.ProfileKeys(next.Values());
        var objectKeys = ObjectKeys(rules, next, rows.Select(o => new ObjectRow(o.ObjectType, o.TravellerId, o.ObjectId, o.DataJson, o.LastUpdated)));
        var lookups = LookupsOf(next, profileKeys);
        var desired = lookups.Concat(objectKeys.SelectMany(k => RuleLookups.Rows(k, profileLevel: false))).ToHashSet();
        var actual = (await store.GetLookupsAsync(_domain, _profileId, cancellationToken)).ToHashSet();
        await writer.WriteAsync(new ProfileWrite(_domain, _profileId)
        {
            FieldsJson = next.ToJson(),
            AddLookups = desired.Except(actual).ToList(),
            RemoveLookups = actual.Except(desired).ToList(),
        }, cancellationToken);
        _state = next;
        _lookups = lookups;
        _profileKeys = profileKeys;
        _keysVersion = rules.Version;
        _linkedObjectKeys = null;
        _updatedAt = clock.GetUtcNow();
        return new ApplyOutcome(_profileId, [], 0) { LinkKeys = profileKeys.Concat(objectKeys).Distinct().ToList(), FieldsChanged = true, UnmergeBlocked = next.UnmergeBlocked };
    }

    public ValueTask ForgetLinkedKeysAsync(CancellationToken cancellationToken = default)
    {
        // Version 0 makes the next apply link every profile key again, as after an activation.
        _keysVersion = 0;
        _linkedObjectKeys = null;
        return ValueTask.CompletedTask;
    }

    public ValueTask ResetAsync(CancellationToken cancellationToken = default)
    {
        Forget();
        this.DeactivateOnIdle();
        return ValueTask.CompletedTask;
    }

    /// <summary>Drops everything loaded, so the next call reads the database again.</summary>
    private void Forget()
    {
        _loading = null;
        _exists = false;
        _state = new ProfileState();
        _lookups = [];
        _linkedTravellers.Clear();
        _mergedInto = null;
        _sealedFor = null;
        _profileKeys = [];
        _keysVersion = 0;
        _linkedObjectKeys = null;
    }

    /// <summary>
    /// While sealed for a merge, writes fail as retryable. A seal that outlives its survivor (crash
    /// between detach and commit) is resolved from the database: merged or not, the row tells.
    /// </summary>
    private async Task CheckSealAsync()
    {
        if (_sealedFor is null)
        {
            return;
        }

        if (clock.GetUtcNow() < _sealedUntil)
        {
            throw new ProfileMergingException($"profile {_profileId} is being merged; retry");
        }

        var row = await store.GetProfileAsync(_domain, _profileId);
        if (row?.MergedInto is { } survivor)
        {
            _mergedInto = survivor;
            _state = new ProfileState();
            _lookups = [];
        }

        _sealedFor = null;
    }

    // Single-flight: GetAsync interleaves with writes, so a second load finishing after a write would roll the state back.
    private async Task EnsureLoadedAsync()
    {
        var loading = _loading ??= LoadAsync();
        try
        {
            await loading;
        }
        catch
        {
            // A failed read (database unavailable) is retried by the next call, not remembered.
            if (ReferenceEquals(_loading, loading))
            {
                _loading = null;
            }

            throw;
        }
    }

    private async Task LoadAsync()
    {
        var row = await store.GetProfileAsync(_domain, _profileId);
        if (row is not null)
        {
            _state = ProfileState.FromJson(row.FieldsJson);
            _lookups = LookupValues.Of(_state);
            _createdAt = row.CreatedAt;
            _updatedAt = row.UpdatedAt;
            _exists = true;
            _mergedInto = row.MergedInto;
        }
    }

    /// <summary>
    /// Partial mode: overlay the listed fields on the stored object (or an earlier record of this batch);
    /// only the overlaid fields may promote profile-level values. Without a stored object the record is taken whole, as in UPT.
    /// </summary>
    private async Task<(string Json, IReadOnlyDictionary<string, string> Promoted)> OverlayAsync(
        IngestRecord record, Dictionary<(string, string, string), ObjectRow> pending, CancellationToken cancellationToken)
    {
        var baseJson = pending.TryGetValue((record.ObjectType, record.TravellerId, record.ObjectId), out var earlier)
            ? earlier.DataJson
            : (await store.GetObjectAsync(_domain, record.ObjectType, record.TravellerId, record.ObjectId, cancellationToken))?.DataJson;
        if (baseJson is null)
        {
            LogPartialWithoutBase(logger, record.ObjectType);
            return (record.Json, record.Promoted);
        }

        var all = record.PartialFields.Contains("*");
        var stored = JsonNode.Parse(baseJson)!.AsObject();
        var incoming = JsonNode.Parse(record.Json)!.AsObject();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in incoming)
        {
            if (all || record.PartialFields.Contains(key))
            {
                stored[key] = value?.DeepClone();
                listed.Add(key);
            }
        }

        var promoted = ProfileFieldMap.For(record.ObjectType)
            .Where(m => listed.Contains(m.FlatField) && record.Promoted.ContainsKey(m.ProfileField))
            .ToDictionary(m => m.ProfileField, m => record.Promoted[m.ProfileField], StringComparer.Ordinal);
        return (stored.ToJsonString(), promoted);
    }

    private static HashSet<LookupRow> LookupsOf(ProfileState state, IReadOnlyList<RuleKeyRef> profileKeys)
    {
        var rows = LookupValues.Of(state);
        foreach (var key in profileKeys)
        {
            rows.UnionWith(RuleLookups.Rows(key, profileLevel: true));
        }

        return rows;
    }

    /// <summary>The object-level rule keys of this batch's objects (only types some rule names are parsed).</summary>
    private static List<RuleKeyRef> ObjectKeys(ActiveRules rules, ProfileState state, IEnumerable<ObjectRow> objects)
    {
        var keys = new List<RuleKeyRef>();
        if (rules.Indexer.IsEmpty)
        {
            return keys;
        }

        IReadOnlyDictionary<string, string>? values = null;
        foreach (var o in objects)
        {
            if (rules.Indexer.Involves(o.ObjectType) && JsonNode.Parse(o.DataJson) is JsonObject flat)
            {
                flat[RecordFields.ObjectType] ??= o.ObjectType;
                keys.AddRange(rules.ObjectKeys(values ??= state.Values(), RuleObject.FromRecord(flat)));
            }
        }

        return keys;
    }

    private static ProfileObjectView ToView(StoredObject o) => new(o.ObjectType, o.ObjectId, o.TravellerId, o.DataJson, o.LastUpdated, o.CreatedAt);

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Profile absorbed another profile ({MergeType} merge)")]
    private static partial void LogMerged(ILogger logger, string mergeType);

    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Partial update of a {ObjectType} object that is not stored yet: ingesting it whole")]
    private static partial void LogPartialWithoutBase(ILogger logger, string objectType);
}
