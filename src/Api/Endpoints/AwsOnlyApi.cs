using Upt.Api.Auth;
using Upt.Api.Contracts;
using Upt.Api.Hosting;

namespace Upt.Api.Endpoints;

/// <summary>
/// UPT routes tied to AWS services Upt does not use (industry connector, AppFlow, downstream caches, domain refresh):
/// answered in UPT's envelope from Upt's equivalent where one exists, otherwise with a 400 naming what to use instead.
/// </summary>
public static class AwsOnlyApi
{
    /// <summary>The answer to <c>POST /api/ucp/connector/link</c>.</summary>
    public const string NoConnector = "Upt has no industry connector (it is deprecated in UPT and not deployed by Upt): to load files, start a batch job with POST /api/ucp/jobs";

    /// <summary>The answer to <c>POST /api/ucp/flows</c>.</summary>
    public const string NoAppFlow = "AppFlow is not part of Upt: send records to the ingestion Kinesis stream, or load files with a batch job (POST /api/ucp/jobs)";

    /// <summary>The answer to a valid <c>POST /api/ucp/cache</c>.</summary>
    public const string NoCaches = "Upt has no caches to rebuild: it has no downstream Customer Profiles or DynamoDB caches and serves every read from its own store";

    public static IEndpointRouteBuilder MapAwsOnlyApi(this IEndpointRouteBuilder app)
    {
        // UPT: Public. Upt: CreateDomain on the domain in the path, like the other changes to a domain itself.
        app.MapPut("/api/ucp/admin/{id}", RefreshAsync).WithTags("Domains").WithName("RefreshDomain")
            .WithSummary("UPT's domain refresh (mapping upgrade, stream mapping): Upt has nothing to refresh, so 200 when the domain exists, 404 when not")
            .RequireUcpPermission(AppPermission.CreateDomain, PermissionScope.DomainInPath);
        app.MapGet("/api/ucp/connector", ListConnectors).WithTags("AWS-only").WithName("ListConnectors")
            .WithSummary("UPT's industry connectors: always connectors: [] (Upt deploys none)")
            .RequireUcpPermission(AppPermission.Public, PermissionScope.Global);
        app.MapPost("/api/ucp/connector/link", (HttpContext http) => UcpContext.Fail(http, 400, NoConnector)).WithTags("AWS-only").WithName("LinkConnector")
            .WithSummary("UPT's industry-connector link: 400, Upt has no connector; use batch jobs (POST /api/ucp/jobs)")
            .RequireUcpPermission(AppPermission.IndustryConnector, PermissionScope.Global);
        app.MapPost("/api/ucp/flows", (HttpContext http) => UcpContext.Fail(http, 400, NoAppFlow)).WithTags("AWS-only").WithName("StartFlows")
            .WithSummary("UPT's AppFlow start: 400, AppFlow is not part of Upt; use the Kinesis stream or batch jobs")
            .RequireUcpPermission(AppPermission.Public, PermissionScope.Global);
        app.MapPost("/api/ucp/cache", RebuildCache).WithTags("AWS-only").WithName("RebuildCache")
            .WithSummary("UPT's cache rebuild (type=1 Customer Profiles, 2 DynamoDB, 3 both; required): 400 after validation, Upt has no caches")
            .RequireUcpPermission(AppPermission.RebuildCache);
        return app;
    }

    private static async Task<IResult> RefreshAsync(HttpContext http, string id, IGrainFactory grains)
    {
        if (Validation.UcpValidation.DomainError(id) is { } error)
        {
            return UcpContext.Fail(http, 400, $"validation error: {error}");
        }

        return await DomainHeader.MissingAsync(http, grains, id) ?? UcpContext.Ok(http, new UcpResponse());
    }

    private static IResult ListConnectors(HttpContext http) => UcpContext.Ok(http, new UcpResponse { Connectors = [] });

    private static IResult RebuildCache(HttpContext http, string? type = null)
    {
        if (!DomainHeader.TryGet(http, out _, out var failure))
        {
            return failure!;
        }

        if (string.IsNullOrEmpty(type))
        {
            return UcpContext.Fail(http, 400, "validation error: type is required (1 = Customer Profiles, 2 = DynamoDB, 3 = both)");
        }

        if (type is not ("1" or "2" or "3"))
        {
            return UcpContext.Fail(http, 400, $"validation error: type must be 1 (Customer Profiles), 2 (DynamoDB) or 3 (both), got '{type}'");
        }

        return UcpContext.Fail(http, 400, NoCaches);
    }
}
