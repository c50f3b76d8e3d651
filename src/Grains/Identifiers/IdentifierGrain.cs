using Upt.Grains.Profiles;
using Upt.Storage;

namespace Upt.Grains.Identifiers;

/// <summary>
/// An identifier. For a traveller id it is the single door to the traveller's profile: non-reentrant,
/// so one batch of the traveller's records is in flight at a time (per-traveller order), and it caches
/// the resolved profile id. Lookup identifiers read the lookup table on demand (they hold no state).
/// </summary>
[GrainType("identifier")]
internal sealed class IdentifierGrain(ProfileStore store) : Grain, IIdentifierGrain
{
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
        // A traveller seen before keeps the profile it was linked to; a new one gets its derived id.
        _profileId ??= await store.GetTravellerProfileAsync(_domain, _value) ?? ProfileIds.ForTraveller(_domain, _value);
        var profile = GrainFactory.GetGrain<IProfileGrain>(GrainKeys.Profile(_domain, _profileId));
        return await profile.ApplyAsync(new ProfileApply(_value, records, settings), cancellationToken);
    }

    public async ValueTask<string?> ResolveAsync(CancellationToken cancellationToken = default)
    {
        EnsureKind(IdentifierKinds.Traveller);
        return _profileId ?? await store.GetTravellerProfileAsync(_domain, _value);
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

    private void EnsureKind(string kind)
    {
        if (_kind != kind)
        {
            throw new InvalidOperationException($"Identifier kind '{_kind}' does not support this call (needs '{kind}').");
        }
    }
}
