using Upt.Api.Auth;
using Upt.Api.Contracts;
using Upt.Api.Hosting;
using Upt.Api.Validation;
using Upt.Grains;

namespace Upt.Api.Endpoints;

/// <summary>GDPR privacy searches and purges of the header's domain: <c>/api/ucp/privacy</c> (upt-surface §5, routes 30–35).</summary>
public static partial class PrivacyApi
{
    public static IEndpointRouteBuilder MapPrivacyApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ucp/privacy").WithTags("Privacy");
        group.MapGet("", ListAsync).WithName("ListPrivacySearches")
            .WithSummary("The domain's privacy searches, one per connect id, newest first; status rolled up from the locations (failed > running > invoked > success)")
            .RequireUcpPermission(AppPermission.ListPrivacySearch);
        group.MapGet("/{id}", GetAsync).WithName("GetPrivacySearch")
            .WithSummary("One privacy search: locationResults (type → locations) and, per location, its status (locations)")
            .RequireUcpPermission(AppPermission.GetPrivacySearch);
        group.MapPost("", SearchAsync).WithName("CreatePrivacySearch")
            .WithSummary("Search every store for 1–100 connect ids: {\"privacySearchRq\": [{\"connectId\": uuid}]}; asyncEvent createPrivacySearch")
            .RequireUcpPermission(AppPermission.CreatePrivacySearch);
        group.MapDelete("", DeleteAsync).WithName("DeletePrivacySearch")
            .WithSummary("Delete the searches (and their locations) of the connect ids in the body, a bare JSON array; the purge audit trail stays")
            .RequireUcpPermission(AppPermission.DeletePrivacySearch);
        group.MapPost("/purge", PurgeAsync).WithName("PurgePrivacyData")
            .WithSummary("Purge everything Upt keeps about 1–100 connect ids: {\"createPrivacyPurgeRq\": {\"connectIds\": [uuid]}}; asyncEvent purgeProfileData")
            .WithDescription("The operator is the token's subject, whatever the body says. No prior search is needed: every store is searched again, each location "
                + "purged with its own status and checked afterwards; an audit record (operator, time, connect ids, domain, outcome) is kept and a PURGED event goes out on the change stream.")
            .RequireUcpPermission(AppPermission.PrivacyDataPurge);
        group.MapGet("/purge", PurgeStatusAsync).WithName("GetPurgeStatus")
            .WithSummary("privacyPurgeStatus {domainName, isPurgeRunning}: whether a purge of the domain is invoked or running")
            .RequireUcpPermission(AppPermission.PrivacyDataPurge);
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext http, IGrainFactory grains)
    {
        var (domain, failure) = await DomainAsync(http, grains);
        if (failure is not null)
        {
            return failure;
        }

        var searches = await Privacy(grains, domain).ListAsync(http.RequestAborted);
        return UcpContext.Ok(http, new UcpResponse { PrivacySearchResults = searches.Select(s => View(s, withLocations: false)).ToList() });
    }

    private static async Task<IResult> GetAsync(HttpContext http, IGrainFactory grains, string id)
    {
        var (domain, failure) = await DomainAsync(http, grains);
        if (failure is not null)
        {
            return failure;
        }

        if (PrivacyRequestValidation.ConnectIdError(id, out var connectId) is { } error)
        {
            return UcpContext.Fail(http, 400, $"validation error: {error}");
        }

        var search = await Privacy(grains, domain).GetAsync(connectId, http.RequestAborted);
        return search is null
            ? UcpContext.Fail(http, 404, $"no privacy search for connect id {connectId}", "not_found")
            : UcpContext.Ok(http, new UcpResponse { PrivacySearchResult = View(search, withLocations: true) });
    }

    private static async Task<IResult> PurgeStatusAsync(HttpContext http, IGrainFactory grains)
    {
        var (domain, failure) = await DomainAsync(http, grains);
        if (failure is not null)
        {
            return failure;
        }

        var running = await Privacy(grains, domain).IsPurgeRunningAsync(http.RequestAborted);
        return UcpContext.Ok(http, new UcpResponse { PrivacyPurgeStatus = new PrivacyPurgeStatusView(domain, running) });
    }

    /// <summary>The header's domain, or the answer when it is invalid (400) or does not exist (404).</summary>
    private static async Task<(string Domain, IResult? Failure)> DomainAsync(HttpContext http, IGrainFactory grains)
    {
        if (!DomainHeader.TryGet(http, out var domain, out var failure))
        {
            return (domain, failure);
        }

        return (domain, await DomainHeader.MissingAsync(http, grains, domain));
    }

    private static IPrivacyGrain Privacy(IGrainFactory grains, string domain) => grains.GetGrain<IPrivacyGrain>(domain);

    private static PrivacySearchResultView View(PrivacySearchView search, bool withLocations) => new()
    {
        DomainName = search.Domain,
        ConnectId = search.ConnectId,
        Status = search.Status,
        ErrorMessage = search.ErrorMessage,
        SearchDate = search.SearchDate,
        TotalResultsFound = search.TotalResultsFound,
        TxId = search.TransactionId,
        LocationResults = withLocations
            ? search.Locations.GroupBy(l => l.Type, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(l => l.Location).ToList(), StringComparer.Ordinal)
            : null,
        Locations = withLocations ? search.Locations.Select(l => new PrivacyLocationStatusView(l.Type, l.Location, l.Status, l.ErrorMessage)).ToList() : null,
    };
}
