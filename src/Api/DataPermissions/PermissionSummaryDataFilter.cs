using System.Text.Json.Nodes;
using Upt.Api.Summaries;

namespace Upt.Api.DataPermissions;

/// <summary>A profile summary is written from what the caller may see of the profile, as the 360 view shows it (UPT summarised the unfiltered profile).</summary>
internal sealed class PermissionSummaryDataFilter(CallerDataAccess data) : ISummaryDataFilter
{
    public async ValueTask<JsonObject?> ApplyAsync(HttpContext http, string domain, JsonObject traveller) =>
        ProfileDataFilter.Apply(await data.ForAsync(http, domain), traveller);
}
