using Upt.Api.Hosting;

namespace Upt.Api.DataPermissions;

/// <summary>Writes that UPT reserves to the full data grant: merging, unmerging and deleting profiles need exactly <c>*/*</c>.</summary>
public static class DataAdmin
{
    /// <summary>
    /// Null when the caller holds <c>*/*</c> in <paramref name="domain"/>, else UPT's 400
    /// <c>only administrator can {action} profiles</c> (<paramref name="action"/>: merge, unmerge, delete).
    /// </summary>
    public static async ValueTask<IResult?> RequireAsync(HttpContext http, CallerDataAccess data, string domain, string action)
    {
        ArgumentNullException.ThrowIfNull(data);
        return (await data.ForAsync(http, domain)).IsAdmin ? null : UcpContext.Fail(http, 400, $"only administrator can {action} profiles");
    }
}
