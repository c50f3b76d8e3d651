using Microsoft.Extensions.Logging;
using Upt.Grains.Jobs;
using Upt.Storage;

namespace Upt.Grains.Privacy;

/// <summary>
/// <see cref="AsyncUseCases.CreatePrivacySearch"/>: for each connect id in turn, the search row goes running, every store
/// is scanned, and the locations found replace the earlier ones; the row ends success with their count, or failed with
/// why. The event fails when any search did.
/// </summary>
internal sealed partial class PrivacySearchJob(PrivacyStore store, SubjectLocator locator, ILogger<PrivacySearchJob> logger) : IAsyncJob
{
    public async Task<AsyncJobResult> RunAsync(AsyncJobContext context, CancellationToken cancellationToken)
    {
        var (domain, eventId, connectIds) = (context.Domain, context.EventId, context.Request.Arguments);
        var failed = 0;
        for (var i = 0; i < connectIds.Count; i++)
        {
            var connectId = connectIds[i];
            await store.SetStatusAsync(domain, connectId, eventId, PrivacyStatuses.SearchRunning, cancellationToken: cancellationToken);
            try
            {
                var locations = PrivacyLocations.Of(await locator.ScanAsync(domain, connectId, null, cancellationToken));
                await store.ReplaceLocationsAsync(domain, connectId, eventId, locations, PrivacyStatuses.SearchSuccess, cancellationToken);
                await store.SetStatusAsync(domain, connectId, eventId, PrivacyStatuses.SearchSuccess, totalResults: locations.Count, cancellationToken: cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                failed++;
                LogSearchFailed(logger, ex);
                await store.SetStatusAsync(domain, connectId, eventId, PrivacyStatuses.SearchFailed, $"search failed: {ex.Message}", cancellationToken: cancellationToken);
            }

            await context.ReportProgressAsync((i + 1.0) / connectIds.Count);
        }

        return failed == 0 ? AsyncJobResult.Success : AsyncJobResult.Failed($"{failed} of {connectIds.Count} searches failed");
    }

    [LoggerMessage(EventId = 1120, Level = LogLevel.Warning, Message = "A privacy search failed")]
    private static partial void LogSearchFailed(ILogger logger, Exception exception);
}
