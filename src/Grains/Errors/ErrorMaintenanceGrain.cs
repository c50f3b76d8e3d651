using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Upt.Storage;

namespace Upt.Grains.Errors;

/// <summary>
/// A domain's error records after ingestion wrote them: deletes, retention purge and retries (the retry part is in
/// <c>ErrorMaintenanceGrain.Retry.cs</c>). Non-reentrant, so a delete, a retry and a pass never interleave; the
/// scheduler's reminder starts passes, and a one-shot timer covers retries due sooner than the next pass.
/// Calls flow one way: scheduler → this grain → the domain grain (settings) and the ingest pipeline.
/// </summary>
[GrainType("error-maintenance")]
internal sealed partial class ErrorMaintenanceGrain(
    ErrorStore errors,
    IErrorResubmitter resubmitter,
    IOptions<ErrorRetryOptions> options,
    TimeProvider clock,
    ILogger<ErrorMaintenanceGrain> logger) : Grain, IErrorMaintenanceGrain
{
    private string Domain => this.GetPrimaryKeyString();

    private ErrorRetryOptions Options => options.Value;

    public async ValueTask<bool> DeleteAsync(string errorId, CancellationToken cancellationToken = default) =>
        await errors.DeleteAsync(Domain, [errorId], cancellationToken) > 0;

    public async ValueTask<long> DeleteAllAsync(CancellationToken cancellationToken = default)
    {
        var deleted = await errors.DeleteAllAsync(Domain, cancellationToken);
        LogDeletedAll(logger, deleted);
        return deleted;
    }

    public async ValueTask<MaintenancePass> RunAsync(CancellationToken cancellationToken = default)
    {
        if (await GrainFactory.GetGrain<IDomainGrain>(Domain).GetSettingsAsync(cancellationToken) is not { } settings)
        {
            // Deleted (its rows went with it) or never created: nothing to keep or retry.
            return new MaintenancePass(0, 0, 0, 0);
        }

        var now = clock.GetUtcNow();
        // No retention (0 or less) keeps records until they are deleted, rather than purging every record at once.
        var purged = settings.ErrorRetentionDays > 0
            ? await errors.PurgeOlderThanAsync(Domain, now - TimeSpan.FromDays(settings.ErrorRetentionDays), Options.PurgeBatch, cancellationToken)
            : 0;
        await errors.PurgeExpiredLedgerAsync(Domain, now, cancellationToken);
        if (purged > 0)
        {
            LogPurged(logger, purged, settings.ErrorRetentionDays);
        }

        var tally = await RetryDueAsync(cancellationToken);
        return tally with { Purged = purged };
    }

    [LoggerMessage(EventId = 1400, Level = LogLevel.Information, Message = "Error records: purged {Count} older than {Days} days")]
    private static partial void LogPurged(ILogger logger, long count, int days);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Error records: deleted all {Count}")]
    private static partial void LogDeletedAll(ILogger logger, long count);
}
