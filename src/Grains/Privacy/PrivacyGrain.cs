using Microsoft.Extensions.Logging;
using Upt.Storage;

namespace Upt.Grains.Privacy;

/// <summary>
/// A domain's privacy searches and purges. A stateless worker: the rows are the truth, and the work runs in async
/// events. Before a read, every event that owns a pending row is asked for its status: the rows of an event that ended
/// (its job failed or its silo went away) without settling them become failed, so a purge whose silo died never reads
/// "running" forever (nor locks the portal through <see cref="IsPurgeRunningAsync"/>).
/// </summary>
[StatelessWorker]
internal sealed partial class PrivacyGrain(PrivacyStore store, TimeProvider clock, ILogger<PrivacyGrain> logger) : Grain, IPrivacyGrain
{
    // Rows are written just before their event starts; an event unknown for longer than this never started.
    private static readonly TimeSpan StartGrace = TimeSpan.FromMinutes(1);

    private static readonly IReadOnlyDictionary<string, string> FailedFor = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [PrivacyStatuses.SearchInvoked] = PrivacyStatuses.SearchFailed,
        [PrivacyStatuses.SearchRunning] = PrivacyStatuses.SearchFailed,
        [PrivacyStatuses.PurgeInvoked] = PrivacyStatuses.PurgeFailed,
        [PrivacyStatuses.PurgeRunning] = PrivacyStatuses.PurgeFailed,
    };

    private string Domain => this.GetPrimaryKeyString();

    public async ValueTask<AsyncEventView> StartSearchAsync(IReadOnlyList<string> connectIds, string? transactionId, CancellationToken cancellationToken = default)
    {
        var eventId = Guid.NewGuid().ToString();
        await store.BeginSearchAsync(Domain, connectIds, eventId, transactionId ?? "", PrivacyStatuses.SearchInvoked, cancellationToken);
        return await StartAsync(eventId, new AsyncJobRequest(AsyncUseCases.CreatePrivacySearch, Domain, connectIds, null, transactionId), cancellationToken);
    }

    public async ValueTask<AsyncEventView> StartPurgeAsync(IReadOnlyList<string> connectIds, string operatorId, string? transactionId, CancellationToken cancellationToken = default)
    {
        var eventId = Guid.NewGuid().ToString();
        await store.BeginPurgeAsync(Domain, connectIds, eventId, operatorId, transactionId ?? "", PrivacyStatuses.PurgeInvoked, cancellationToken);
        LogPurgeRequested(logger, connectIds.Count);
        return await StartAsync(eventId, new AsyncJobRequest(AsyncUseCases.PurgeProfileData, Domain, connectIds, operatorId, transactionId), cancellationToken);
    }

    public async ValueTask<IReadOnlyList<PrivacySearchView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await SettleAsync(cancellationToken);
        return (await store.ListAsync(Domain, cancellationToken)).Select(r => View(r, [])).ToList();
    }

    public async ValueTask<PrivacySearchView?> GetAsync(string connectId, CancellationToken cancellationToken = default)
    {
        await SettleAsync(cancellationToken);
        return await store.GetAsync(Domain, connectId, cancellationToken) is { } found
            ? View(found.Search, found.Locations.Select(l => new PrivacyLocationView(l.Type, l.Location, l.Status, l.ErrorMessage)).ToList())
            : null;
    }

    public async ValueTask<int> DeleteAsync(IReadOnlyList<string> connectIds, CancellationToken cancellationToken = default) =>
        await store.DeleteAsync(Domain, connectIds, cancellationToken);

    public async ValueTask<bool> IsPurgeRunningAsync(CancellationToken cancellationToken = default)
    {
        await SettleAsync(cancellationToken);
        return await store.IsPurgeRunningAsync(Domain, [PrivacyStatuses.PurgeInvoked, PrivacyStatuses.PurgeRunning], cancellationToken);
    }

    private async Task<AsyncEventView> StartAsync(string eventId, AsyncJobRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await GrainFactory.GetGrain<IAsyncEventGrain>(eventId).StartAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await store.FailPendingAsync(Domain, eventId, FailedFor, $"the job could not start: {ex.Message}", CancellationToken.None);
            throw;
        }
    }

    /// <summary>Marks failed the pending rows of events that have ended, or that never started.</summary>
    private async Task SettleAsync(CancellationToken cancellationToken)
    {
        foreach (var eventId in await store.PendingEventIdsAsync(Domain, [.. FailedFor.Keys], cancellationToken))
        {
            var view = await GrainFactory.GetGrain<IAsyncEventGrain>(eventId).GetAsync(cancellationToken);
            if (view is { Status: AsyncEventStatus.Invoked or AsyncEventStatus.Running })
            {
                continue;
            }

            if (view is null && await StartedRecentlyAsync(eventId, cancellationToken))
            {
                continue;
            }

            var error = view?.Error ?? (view is null ? "the job never started" : "the job ended without recording this result");
            await store.FailPendingAsync(Domain, eventId, FailedFor, error, cancellationToken);
        }
    }

    private async Task<bool> StartedRecentlyAsync(string eventId, CancellationToken cancellationToken) =>
        await store.PendingSinceAsync(Domain, eventId, cancellationToken) is { } since && clock.GetUtcNow() - since < StartGrace;

    private static PrivacySearchView View(PrivacySearchRow row, IReadOnlyList<PrivacyLocationView> locations) =>
        new(row.Domain, row.ConnectId, row.Status, row.ErrorMessage, row.SearchDate, row.TotalResults, row.TransactionId, locations);

    [LoggerMessage(EventId = 1123, Level = LogLevel.Information, Message = "Privacy purge requested for {Count} connect ids")]
    private static partial void LogPurgeRequested(ILogger logger, int count);
}
