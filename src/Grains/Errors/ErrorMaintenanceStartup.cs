using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Upt.Grains.Errors;

/// <summary>
/// Makes sure the maintenance reminder exists once the silo runs (idempotent, so every silo may do it). In the
/// background and retried: a silo must not fail to start because the reminder table was briefly unreachable.
/// </summary>
internal sealed partial class ErrorMaintenanceStartup(IGrainFactory grains, ILogger<ErrorMaintenanceStartup> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await grains.GetGrain<IErrorMaintenanceSchedulerGrain>(IErrorMaintenanceSchedulerGrain.Key).EnsureStartedAsync(stoppingToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                LogNotStarted(logger, ex);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }

    [LoggerMessage(EventId = 1421, Level = LogLevel.Warning, Message = "Could not register the error maintenance reminder yet; retrying")]
    private static partial void LogNotStarted(ILogger logger, Exception exception);
}
