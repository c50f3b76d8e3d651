using System.Globalization;
using Microsoft.Extensions.Logging;
using Upt.Grains.Jobs;
using Upt.Storage;

namespace Upt.Grains.Privacy;

/// <summary>
/// <see cref="AsyncUseCases.PurgeProfileData"/>: for each connect id in turn, every store is scanned again (a purge does
/// not trust an earlier search, nor needs one), the locations are recorded as running, each location type is purged
/// with its own status, and a second scan checks that nothing is left where the data was; then a
/// <see cref="ChangeKind.Purged"/> event goes out on the domain's change stream. The audit record gets the outcome.
/// </summary>
internal sealed partial class PrivacyPurgeJob(PrivacyStore store, SubjectLocator locator, SubjectPurger purger, TimeProvider clock, ILogger<PrivacyPurgeJob> logger) : IAsyncJob
{
    public async Task<AsyncJobResult> RunAsync(AsyncJobContext context, CancellationToken cancellationToken)
    {
        var (domain, eventId, connectIds) = (context.Domain, context.EventId, context.Request.Arguments);
        var operatorId = context.Request.OperatorId ?? throw new InvalidOperationException("a purge needs an operator");
        var errors = new List<string>();
        var locations = 0;
        try
        {
            for (var i = 0; i < connectIds.Count; i++)
            {
                string? error;
                try
                {
                    (var found, error) = await PurgeOneAsync(context, connectIds[i], operatorId, cancellationToken);
                    locations += found;
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    // Its pending locations are marked failed by the next read, once this event has ended failed.
                    LogPurgeFailed(logger, ex);
                    error = ex.Message;
                    await store.SetStatusAsync(domain, connectIds[i], eventId, PrivacyStatuses.PurgeFailed, error, cancellationToken: cancellationToken);
                }

                if (error is not null)
                {
                    errors.Add($"{connectIds[i]}: {error}");
                }

                await context.ReportProgressAsync((i + 1.0) / connectIds.Count);
            }
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            errors.Add("the purge stopped before it finished");
            throw;
        }
        finally
        {
            var outcome = errors.Count == 0 ? PrivacyStatuses.PurgeSuccess : PrivacyStatuses.PurgeFailed;
            await store.FinishPurgeAuditAsync(eventId, outcome, locations, errors.Count == 0 ? null : string.Join("; ", errors), CancellationToken.None);
        }

        return errors.Count == 0 ? AsyncJobResult.Success : AsyncJobResult.Failed(string.Join("; ", errors));
    }

    /// <summary>Purges one subject; returns how many locations were found and null, or why the purge is incomplete.</summary>
    private async Task<(int Locations, string? Error)> PurgeOneAsync(AsyncJobContext context, string connectId, string operatorId, CancellationToken cancellationToken)
    {
        var (domain, eventId) = (context.Domain, context.EventId);
        await store.SetStatusAsync(domain, connectId, eventId, PrivacyStatuses.PurgeRunning, cancellationToken: cancellationToken);
        var scan = await locator.ScanAsync(domain, connectId, null, cancellationToken);
        var before = PrivacyLocations.Of(scan);
        await store.ReplaceLocationsAsync(domain, connectId, eventId, before, PrivacyStatuses.PurgeRunning, cancellationToken);

        var outcome = await purger.PurgeAsync(domain, scan, operatorId, cancellationToken);
        var left = PrivacyLocations.Of(await locator.ScanAsync(domain, connectId, scan.Ids, cancellationToken))
            .GroupBy(l => l.Type, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        var errors = new List<string>();
        foreach (var type in before.Select(l => l.Type).Distinct(StringComparer.Ordinal))
        {
            var error = outcome.GetValueOrDefault(type) ?? (left.TryGetValue(type, out var n)
                ? string.Create(CultureInfo.InvariantCulture, $"{n} locations left after the purge")
                : null);
            await store.SetLocationStatusAsync(domain, connectId, eventId, type, error is null ? PrivacyStatuses.PurgeSuccess : PrivacyStatuses.PurgeFailed, error, cancellationToken);
            if (error is not null)
            {
                errors.Add($"{type}: {error}");
            }
        }

        // Data found only now arrived while the purge ran (an ingestion for the same traveller): purging again takes it.
        var arrived = left.Keys.Where(t => before.All(l => l.Type != t)).Order(StringComparer.Ordinal).ToList();
        if (arrived.Count > 0)
        {
            errors.Add($"new data arrived during the purge in {string.Join(", ", arrived)}; purge again");
        }

        if (outcome.GetValueOrDefault(PrivacyLocationTypes.ProfileStorage) is null)
        {
            // Downstream copies must go too: consumers of the change stream learn of the purge (UPT announced none).
            var now = clock.GetUtcNow();
            await context.PublishAsync(new[] { connectId, scan.Ids.LiveProfileId }.OfType<string>().Distinct(StringComparer.Ordinal)
                .Select(id => new ProfileChangeEvent(domain, id, ChangeKind.Purged, null, null, null, now)).ToList());
        }

        var message = errors.Count == 0 ? null : string.Join("; ", errors);
        await store.SetStatusAsync(domain, connectId, eventId, message is null ? PrivacyStatuses.PurgeSuccess : PrivacyStatuses.PurgeFailed, message, before.Count, cancellationToken);
        LogPurged(logger, before.Count, errors.Count);
        return (before.Count, message);
    }

    [LoggerMessage(EventId = 1122, Level = LogLevel.Warning, Message = "Privacy purge of a subject failed")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1121, Level = LogLevel.Information, Message = "Privacy purge of a subject: {Locations} locations, {Failures} failures")]
    private static partial void LogPurged(ILogger logger, int locations, int failures);
}
