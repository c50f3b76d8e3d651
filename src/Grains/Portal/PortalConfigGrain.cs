namespace Upt.Grains.Portal;

/// <summary>
/// A domain's hyperlink templates. UPT keeps one global set for every domain; here each domain has its own, so one
/// tenant's links (and the fields they expose) never show in another's portal.
/// </summary>
[GrainType("portal-config")]
internal sealed class PortalConfigGrain(
    [PersistentState("portalConfig", StorageNames.Upt)] IPersistentState<PortalConfigState> state) : Grain, IPortalConfigGrain
{
    public ValueTask<IReadOnlyList<HyperlinkMapping>> GetHyperlinksAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<HyperlinkMapping>>(state.State.Mappings.ToList());

    public async ValueTask<IReadOnlyList<string>> SaveHyperlinksAsync(IReadOnlyList<HyperlinkMapping> mappings, CancellationToken cancellationToken = default)
    {
        var errors = HyperlinkMappingValidator.Validate(mappings);
        if (errors.Count > 0)
        {
            return errors;
        }

        state.State.Mappings = mappings.ToList();
        await state.WriteStateAsync(cancellationToken);
        return [];
    }

    public async ValueTask ClearAsync(CancellationToken cancellationToken = default)
    {
        await state.ClearStateAsync(cancellationToken);
        state.State = new PortalConfigState();
    }
}
