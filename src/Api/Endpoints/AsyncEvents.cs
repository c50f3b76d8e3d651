using Upt.Api.Contracts;
using Upt.Api.Hosting;
using Upt.Grains;

namespace Upt.Api.Endpoints;

/// <summary>
/// How a route gives its use case an async event that <c>GET /api/ucp/async</c> can poll: <see cref="RecordAsync"/>
/// for work already done when the route answers (merges, domains, or a delete of every error), <see cref="StartAsync"/>
/// for a job that runs on in the silo (its <c>IAsyncJob</c> registered with <c>AddAsyncJob</c>). Event ids are new
/// UUIDs, never the caller's transaction id, which a client may send twice.
/// </summary>
public static class AsyncEvents
{
    /// <summary>
    /// Records a finished <paramref name="useCase"/> of <paramref name="domain"/>: success when <paramref name="error"/> is
    /// null, else failed with it; returns the <c>asyncEvent</c> to answer with.
    /// </summary>
    public static async Task<AsyncEvent> RecordAsync(IGrainFactory grains, string useCase, string domain, string? error = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return ToContract(await grains.GetGrain<IAsyncEventGrain>(NewId()).RecordAsync(useCase, domain, error, cancellationToken));
    }

    /// <summary>Starts the silo's job for <paramref name="request"/>'s use case and returns the <c>asyncEvent</c> (status invoked).</summary>
    public static async Task<AsyncEvent> StartAsync(IGrainFactory grains, AsyncJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return ToContract(await grains.GetGrain<IAsyncEventGrain>(NewId()).StartAsync(request, cancellationToken));
    }

    /// <summary>UPT's <c>asyncEvent</c> block of <paramref name="view"/>.</summary>
    public static AsyncEvent ToContract(AsyncEventView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new AsyncEvent(view.EventId, view.UseCase, view.Status, view.LastUpdated, view.Progress, view.Error);
    }

    /// <summary>An error answer that carries the failed event too, so the client can poll what happened.</summary>
    public static IResult Fail(HttpContext http, int status, string message, AsyncEvent asyncEvent, string type = "validation_error")
    {
        ArgumentNullException.ThrowIfNull(http);
        return Results.Json(new UcpResponse
        {
            TxId = http.TxId(),
            Error = new UcpError(status.ToString(System.Globalization.CultureInfo.InvariantCulture), message, type),
            AsyncEvent = asyncEvent,
        }, statusCode: status);
    }

    private static string NewId() => Guid.NewGuid().ToString();
}
