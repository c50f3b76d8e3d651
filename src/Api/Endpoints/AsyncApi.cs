using Upt.Api.Auth;
using Upt.Api.Contracts;
using Upt.Api.Hosting;
using Upt.Grains;

namespace Upt.Api.Endpoints;

/// <summary>Polling async events: <c>GET /api/ucp/async?id={eventId}&amp;usecase={useCase}</c>.</summary>
public static class AsyncApi
{
    public static IEndpointRouteBuilder MapAsyncApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/ucp/async").WithTags("Async jobs")
            .MapGet("", GetAsync).WithName("GetAsyncStatus")
            .WithSummary("An async event: {item_type: event id, item_id: use case, status: invoked|running|success|failed, lastUpdated, progress 0-1, error}")
            .WithDescription("usecase is one of " + string.Join(", ", AsyncUseCases.All) + " (startBatchIdRes: the re-resolution after a rule-set activation). "
                + "An event whose job lost its silo reads failed at once. 404 when no event of that use case has the id.")
            .RequireUcpPermission(AppPermission.Public);
        return app;
    }

    private static async Task<IResult> GetAsync(HttpContext http, IGrainFactory grains, string? id, string? usecase)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(usecase))
        {
            return UcpContext.Fail(http, 400, "validation error: invalid request: missing event id or use case");
        }

        if (!AsyncUseCases.IsKnown(usecase))
        {
            return UcpContext.Fail(http, 400, $"validation error: invalid usecase. supported use cases are: {string.Join(",", AsyncUseCases.All)}");
        }

        if (!Guid.TryParseExact(id, "D", out var eventId))
        {
            return UcpContext.Fail(http, 400, "validation error: id must be a UUID");
        }

        var view = await grains.GetGrain<IAsyncEventGrain>(eventId.ToString("D")).GetAsync(http.RequestAborted);
        return view is null || view.UseCase != usecase
            ? UcpContext.Fail(http, 404, $"async event {id} of use case {usecase} not found", "not_found")
            : UcpContext.Ok(http, new UcpResponse { AsyncEvent = AsyncEvents.ToContract(view) });
    }
}
