using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace Upt.Grains.Changes;

/// <summary>
/// Publishes change events on each domain's change stream once their effects are durable. A failure is logged, not
/// thrown: the change stream is a notification channel, and failing the caller (a batch that would be redelivered, a
/// merge already committed) would change nothing and still announce nothing.
/// </summary>
internal static partial class ChangePublisher
{
    public static async Task PublishAsync(IStreamProvider? changes, IReadOnlyCollection<ProfileChangeEvent> events, ILogger logger)
    {
        if (changes is null)
        {
            return;
        }

        foreach (var domainEvents in events.GroupBy(e => e.Domain, StringComparer.Ordinal))
        {
            var batch = domainEvents.ToList();
            try
            {
                await changes.GetStream<ProfileChangeEvent>(ChangeStreams.ForDomain(domainEvents.Key)).OnNextBatchAsync(batch);
            }
            catch (Exception ex)
            {
                LogPublishFailed(logger, batch.Count, ex);
            }
        }
    }

    [LoggerMessage(EventId = 410, Level = LogLevel.Warning, Message = "Publishing {Count} change events failed; the changes are durable but were not announced")]
    private static partial void LogPublishFailed(ILogger logger, int count, Exception exception);
}
