using Upt.DataPermissions;

namespace Upt.Grains.DataPermissions;

/// <summary>
/// A domain's data grants. Admin traffic only: the API caches what it reads for a few seconds, so a request never
/// waits on this grain more than once.
/// </summary>
[GrainType("data-permission")]
internal sealed class DataPermissionGrain(
    [PersistentState("data-permission", StorageNames.Upt)] IPersistentState<DataPermissionState> state) : Grain, IDataPermissionGrain
{
    private const string AdminPermission = "*/*";

    private string Domain => this.GetPrimaryKeyString();

    public ValueTask<IReadOnlyList<DataPermissionGrant>> ListAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<DataPermissionGrant>>(Current().Select(g => new DataPermissionGrant(g.Key, g.Value)).ToList());

    public async ValueTask SetAsync(DataPermissionGrant grant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grant);
        if (DataPermissionGroups.NameError(grant.Group, Domain) is { } nameError)
        {
            throw new ArgumentException(nameError, nameof(grant));
        }

        if (!DataPermission.TryParse(grant.Permission, out _, out var error))
        {
            throw new ArgumentException($"invalid permission: {error}", nameof(grant));
        }

        var grants = Current();
        grants[grant.Group] = grant.Permission;
        await SaveAsync(grants, cancellationToken);
    }

    public async ValueTask<bool> RemoveAsync(string group, CancellationToken cancellationToken = default)
    {
        var grants = Current();
        if (!grants.Remove(group))
        {
            return false;
        }

        await SaveAsync(grants, cancellationToken);
        return true;
    }

    public ValueTask ResetAsync(CancellationToken cancellationToken = default) =>
        new(SaveAsync(Defaults(), cancellationToken));

    public async ValueTask ClearAsync(CancellationToken cancellationToken = default)
    {
        await state.ClearStateAsync(cancellationToken);
        state.State = new DataPermissionState();
    }

    /// <summary>A copy of the grants in force: the stored ones, or the default for a domain never configured here.</summary>
    private SortedDictionary<string, string> Current() =>
        state.State.Configured ? new SortedDictionary<string, string>(state.State.Grants, StringComparer.Ordinal) : Defaults();

    private SortedDictionary<string, string> Defaults() => new(StringComparer.Ordinal) { [DataPermissionGroups.Default(Domain)] = AdminPermission };

    private async Task SaveAsync(SortedDictionary<string, string> grants, CancellationToken cancellationToken)
    {
        var previous = state.State;
        state.State = new DataPermissionState { Configured = true, Grants = grants };
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            // Keep memory equal to storage: a failed write must not leave a grant in force that a restart would lose.
            state.State = previous;
            throw;
        }
    }
}
