using Upt.Api.Auth;
using Upt.Api.Contracts;
using Upt.Api.DataPermissions;
using Upt.Api.Hosting;
using Upt.Api.Validation;
using Upt.Grains;

namespace Upt.Api.Endpoints;

/// <summary>Error records: <c>/api/ucp/error</c>, per domain, newest first.</summary>
public static class ErrorApi
{
    public static IEndpointRouteBuilder MapErrorApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/ucp/error").WithTags("Errors")
            .MapGet("", ListAsync).WithName("ListErrors").WithSummary("Rejected objects and records of the domain, newest first (page, pageSize, travellerId)")
            .WithDescription("A caller without the data grant */* sees only records of object types its data permission shows, without the raw record "
                + "(reccord is empty), and totalErrors counts those among the newest " + ErrorRecordFilter.Scan + ".")
            .RequireUcpPermission(AppPermission.Public);
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext http, IGrainFactory grains, CallerDataAccess data, int? page, int? pageSize, string? travellerId)
    {
        if (!DomainHeader.TryGet(http, out var domain, out var failure))
        {
            return failure!;
        }

        if (UcpValidation.ValueError("travellerId", travellerId) is { } error)
        {
            return UcpContext.Fail(http, 400, $"validation error: {error}");
        }

        var p = page ?? 0;
        var size = pageSize ?? 20;
        if (p < 0 || size is < 1 or > 1000)
        {
            return UcpContext.Fail(http, 400, "validation error: page must be >= 0 and pageSize between 1 and 1000");
        }

        var access = await data.ForAsync(http, domain);
        var grain = grains.GetGrain<IDomainGrain>(domain);
        var traveller = string.IsNullOrEmpty(travellerId) ? null : travellerId;
        var result = access.IsAdmin
            ? await grain.ListErrorsAsync(p, size, traveller)
            : await ErrorRecordFilter.PageAsync(grain, access, p, size, traveller, http.RequestAborted);
        return UcpContext.Ok(http, new UcpResponse
        {
            IngestionErrors = result.Items.Select(e => new IngestionErrorView(e.Id, e.Category, e.Message, e.Domain, e.ObjectType, e.Raw,
                e.TravellerId ?? "", e.TransactionId ?? "", e.CreatedAt, e.Source, e.RetryCount, e.LastRetryAt)).ToList(),
            TotalErrors = result.Total,
        });
    }
}
