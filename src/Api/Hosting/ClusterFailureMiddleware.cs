using Upt.Api.Contracts;

namespace Upt.Api.Hosting;

/// <summary>
/// When a silo dies, calls to grains it hosted fail until the cluster declares it dead (~10 s with default
/// membership settings) and the grains reactivate elsewhere. Reads (GET/HEAD) are retried through that window
/// so clients see a slower answer instead of an error; what still fails, and every write, becomes a 503 in
/// UPT's envelope instead of a bare 500.
/// </summary>
internal sealed partial class ClusterFailureMiddleware(RequestDelegate next, ILogger<ClusterFailureMiddleware> logger)
{
    private static readonly TimeSpan RetryWindow = TimeSpan.FromSeconds(25);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(500);

    public async Task InvokeAsync(HttpContext http)
    {
        var retryable = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        var deadline = DateTime.UtcNow + RetryWindow;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await next(http);
                return;
            }
            catch (Exception ex) when (IsClusterUnavailable(ex) && !http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
            {
                if (retryable && DateTime.UtcNow + RetryDelay < deadline)
                {
                    LogRetry(logger, http.Request.Path, attempt, ex.GetType().Name);
                    await Task.Delay(RetryDelay, http.RequestAborted);
                    continue;
                }

                LogUnavailable(logger, http.Request.Path, ex);
                http.Response.Headers.RetryAfter = "5";
                await Results.Json(
                    new UcpResponse { TxId = http.TxId(), Error = new UcpError("503", "the cluster is temporarily unavailable (a silo failed); retry shortly", "service_unavailable") },
                    statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(http);
                return;
            }
        }
    }

    private static bool IsClusterUnavailable(Exception ex) => ex switch
    {
        OrleansMessageRejectionException or SiloUnavailableException or TimeoutException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsClusterUnavailable),
        _ => false,
    };

    [LoggerMessage(EventId = 510, Level = LogLevel.Information, Message = "Cluster call failed for {Path} (attempt {Attempt}, {Error}); retrying")]
    private static partial void LogRetry(ILogger logger, string path, int attempt, string error);

    [LoggerMessage(EventId = 511, Level = LogLevel.Warning, Message = "Cluster unavailable for {Path}; answered 503")]
    private static partial void LogUnavailable(ILogger logger, string path, Exception exception);
}
