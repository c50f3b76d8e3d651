using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Upt.Grains.Errors;

/// <summary>
/// One reminder for the whole cluster: each tick gives every domain a maintenance pass. A reminder (not a timer)
/// because it must survive silo restarts; one for all domains (not one each) so that creating and deleting domains
/// needs no reminder bookkeeping. A duplicated tick only runs passes that find nothing due.
/// </summary>
[GrainType("error-maintenance-scheduler")]
internal sealed partial class ErrorMaintenanceSchedulerGrain(
    IOptions<ErrorRetryOptions> options, IOptions<ReminderOptions> reminders, ILogger<ErrorMaintenanceSchedulerGrain> logger)
    : Grain, IErrorMaintenanceSchedulerGrain, IRemindable
{
    private const string ReminderName = "error-maintenance";
    private const int Parallelism = 4;

    // An upsert: registering again (every silo at start) keeps one reminder and applies a changed period. Never below the
    // reminder service's minimum period (1 minute unless the silo lowers it), which would refuse the registration.
    public async ValueTask EnsureStartedAsync(CancellationToken cancellationToken = default)
    {
        var period = options.Value.Period < reminders.Value.MinimumReminderPeriod ? reminders.Value.MinimumReminderPeriod : options.Value.Period;
        await this.RegisterOrUpdateReminder(ReminderName, period, period);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var domains = await GrainFactory.GetGrain<IDomainDirectoryGrain>(IDomainDirectoryGrain.Key).ListAsync();
        // A few domains at a time: the passes are short, and the database should not see every domain at once.
        foreach (var chunk in domains.Chunk(Parallelism))
        {
            await Task.WhenAll(chunk.Select(PassAsync));
        }
    }

    private async Task PassAsync(string domain)
    {
        try
        {
            await GrainFactory.GetGrain<IErrorMaintenanceGrain>(domain).RunAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // One domain's failure (its database rows locked, a timeout) must not starve the others; the next tick tries again.
            LogPassFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 1420, Level = LogLevel.Warning, Message = "Error maintenance pass of a domain failed; the next tick tries again")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
