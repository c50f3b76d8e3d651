using Microsoft.Extensions.Options;
using Upt.Api.Auth;
using Upt.DataPermissions;

namespace Upt.Api.DataPermissions;

/// <summary>
/// What the caller may see in a domain: the union of the permissions of its <c>ucp-{domain}-admin[-suffix]</c> groups
/// (none: nothing). Everything when authentication is off (<c>Auth:Enabled=false</c>, local runs and tests).
/// </summary>
public sealed class CallerDataAccess(IOptions<AuthOptions> options, DataPermissionCache cache)
{
    private const string ItemKey = "upt.data-access";

    /// <summary>The caller's access in <paramref name="domain"/>, computed once per request.</summary>
    public async ValueTask<DataAccess> ForAsync(HttpContext http, string domain)
    {
        ArgumentNullException.ThrowIfNull(http);
        var auth = options.Value;
        if (!auth.Enabled)
        {
            return DataAccess.Admin;
        }

        if (http.Items.TryGetValue(ItemKey, out var memo) && memo is Memo m && m.Domain == domain)
        {
            return m.Access;
        }

        var groups = AppPermissionGroups.GroupsOf(http.User, auth.GroupsClaim).Where(g => DataPermissionGroups.AppliesTo(g, domain)).ToList();
        var access = DataAccess.None;
        if (groups.Count > 0)
        {
            var grants = await cache.GetAsync(domain);
            access = DataAccess.Union(groups.Select(g => grants.GetValueOrDefault(g)).OfType<DataPermission>());
        }

        http.Items[ItemKey] = new Memo(domain, access);
        return access;
    }

    private sealed record Memo(string Domain, DataAccess Access);
}
