using System.Text.Json.Nodes;

namespace Upt.Api.Summaries;

/// <summary>
/// The <see cref="ISummaryDataFilter"/> until data permissions are wired in: the profile as <c>GET /api/ucp/profile/{id}</c>
/// shows it to a caller with the SearchProfile bit. Replace its registration with the caller's data filter.
/// </summary>
internal sealed class UnfilteredSummaryData : ISummaryDataFilter
{
    public ValueTask<JsonObject?> ApplyAsync(HttpContext http, string domain, JsonObject traveller) => ValueTask.FromResult<JsonObject?>(traveller);
}
