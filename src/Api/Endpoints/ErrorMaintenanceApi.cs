using Upt.Api.Auth;
using Upt.Api.Contracts;
using Upt.Api.Hosting;
using Upt.Api.Validation;
using Upt.Grains;

namespace Upt.Api.Endpoints;

/// <summary>Deleting and retrying error records of the header's domain: <c>/api/ucp/error/{id}</c>, <c>/api/ucp/error/*</c>, <c>/api/ucp/error/{id}/retry</c>.</summary>
public static class ErrorMaintenanceApi
{
    /// <summary>The use case UPT names in the delete-all's async event.</summary>
    public const string EmptyTableUseCase = AsyncUseCases.EmptyTable;

    public static IEndpointRouteBuilder MapErrorMaintenanceApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ucp/error").WithTags("Errors");
        // A constrained parameter outranks the plain one, so "*" always reaches this endpoint.
        group.MapDelete("/{id:regex(^\\*$)}", DeleteAllAsync).WithName("DeleteAllErrors")
            .WithSummary("Delete every error record of the domain; asyncEvent emptyTable, already 'success' (pollable with GET /api/ucp/async)")
            .RequireUcpPermission(AppPermission.ClearAllErrors);
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteError")
            .WithSummary("Delete one error record (an error_id of GET /api/ucp/error); 200 also when it did not exist")
            .RequireUcpPermission(AppPermission.ClearAllErrors);
        group.MapPost("/{id}/retry", RetryAsync).WithName("RetryError")
            .WithSummary("Re-submit one error record's raw record now, whatever its category (counts as an attempt; the record goes when it succeeds)")
            .RequireUcpPermission(AppPermission.ClearAllErrors);
        return app;
    }

    /// <summary>
    /// Empties the domain's error records (UPT's <c>emptyTable</c> use case); returns how many went. Synchronous and self-contained,
    /// so it can become the body of an <c>emptyTable</c> job (<c>AddAsyncJob</c>) if deleting ever needs to run on after the answer.
    /// </summary>
    public static async Task<long> EmptyTableAsync(IGrainFactory grains, string domain, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return await grains.GetGrain<IErrorMaintenanceGrain>(domain).DeleteAllAsync(cancellationToken);
    }

    private static async Task<IResult> DeleteAllAsync(HttpContext http, IGrainFactory grains)
    {
        if (!DomainHeader.TryGet(http, out var domain, out var failure))
        {
            return failure!;
        }

        if (await DomainHeader.MissingAsync(http, grains, domain) is { } missing)
        {
            return missing;
        }

        // Done before the answer: the event is recorded final, and pollable with GET /api/ucp/async like UPT's.
        await EmptyTableAsync(grains, domain, http.RequestAborted);
        return UcpContext.Ok(http, new UcpResponse { AsyncEvent = await AsyncEvents.RecordAsync(grains, EmptyTableUseCase, domain, cancellationToken: http.RequestAborted) });
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, IGrainFactory grains, string id)
    {
        if (!DomainHeader.TryGet(http, out var domain, out var failure))
        {
            return failure!;
        }

        if (UcpValidation.ValueError("id", id) is { } error)
        {
            return UcpContext.Fail(http, 400, $"validation error: {error}");
        }

        // UPT deletes by key and succeeds for a missing one; the domain still has to exist.
        if (await DomainHeader.MissingAsync(http, grains, domain) is { } missing)
        {
            return missing;
        }

        await grains.GetGrain<IErrorMaintenanceGrain>(domain).DeleteAsync(id, http.RequestAborted);
        return UcpContext.Ok(http, new UcpResponse());
    }

    private static async Task<IResult> RetryAsync(HttpContext http, IGrainFactory grains, string id)
    {
        if (!DomainHeader.TryGet(http, out var domain, out var failure))
        {
            return failure!;
        }

        if (UcpValidation.ValueError("id", id) is { } error)
        {
            return UcpContext.Fail(http, 400, $"validation error: {error}");
        }

        var outcome = await grains.GetGrain<IErrorMaintenanceGrain>(domain).RetryAsync(id, http.RequestAborted);
        return outcome is null
            ? UcpContext.Fail(http, 404, $"error record {id} not found", "not_found")
            : UcpContext.Ok(http, new UcpResponse { ErrorRetry = new ErrorRetryView(outcome.ErrorId, outcome.Attempt, outcome.Succeeded, outcome.Message) });
    }
}
