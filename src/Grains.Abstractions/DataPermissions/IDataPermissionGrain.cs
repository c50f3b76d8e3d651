namespace Upt.Grains;

/// <summary>
/// A domain's data-access grants: one permission string per group. Key: the domain name. A domain starts with
/// <c>ucp-{domain}-admin</c> → <c>*/*</c>; so does a domain that existed before its grants were kept here.
/// </summary>
[Alias("upt.IDataPermissionGrain")]
public interface IDataPermissionGrain : IGrainWithStringKey
{
    /// <summary>Every grant, by group name.</summary>
    [Alias("List"), ReadOnly]
    ValueTask<IReadOnlyList<DataPermissionGrant>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets the group's permission (adds or replaces). Throws <see cref="ArgumentException"/> when the group is not a data
    /// group of this domain or the permission does not parse: callers validate first, this only keeps bad text out.
    /// </summary>
    [Alias("Set")]
    ValueTask SetAsync(DataPermissionGrant grant, CancellationToken cancellationToken = default);

    /// <summary>Removes the group's permission; false when it had none.</summary>
    [Alias("Remove")]
    ValueTask<bool> RemoveAsync(string group, CancellationToken cancellationToken = default);

    /// <summary>The domain was created: only the default grant (<c>ucp-{domain}-admin</c> → <c>*/*</c>).</summary>
    [Alias("Reset")]
    ValueTask ResetAsync(CancellationToken cancellationToken = default);

    /// <summary>The domain was deleted: forgets every grant.</summary>
    [Alias("Clear")]
    ValueTask ClearAsync(CancellationToken cancellationToken = default);
}
