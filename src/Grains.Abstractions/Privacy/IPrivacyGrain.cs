namespace Upt.Grains;

/// <summary>
/// GDPR privacy searches and purges of one domain (upt-surface §5). Key: the domain. Searches and purges run as async
/// events (<see cref="AsyncUseCases.CreatePrivacySearch"/>, <see cref="AsyncUseCases.PurgeProfileData"/>); reads first
/// mark as failed what an event that stopped left pending.
/// </summary>
[Alias("upt.IPrivacyGrain")]
public interface IPrivacyGrain : IGrainWithStringKey
{
    /// <summary>Records a search (<see cref="PrivacyStatuses.SearchInvoked"/>) per connect id, replacing earlier results, and starts it.</summary>
    [Alias("StartSearch")]
    ValueTask<AsyncEventView> StartSearchAsync(IReadOnlyList<string> connectIds, string? transactionId, CancellationToken cancellationToken = default);

    /// <summary>Every search of the domain, newest first, without locations.</summary>
    [Alias("List")]
    ValueTask<IReadOnlyList<PrivacySearchView>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The search of <paramref name="connectId"/> with its locations, or null.</summary>
    [Alias("Get")]
    ValueTask<PrivacySearchView?> GetAsync(string connectId, CancellationToken cancellationToken = default);

    /// <summary>Deletes the searches of <paramref name="connectIds"/> and their locations; returns how many searches existed.</summary>
    [Alias("Delete")]
    ValueTask<int> DeleteAsync(IReadOnlyList<string> connectIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the purge's audit record (<paramref name="operatorId"/>, now, the connect ids, the domain) and starts the
    /// purge: every location is searched again and purged with its own status, whether a search ran before or not.
    /// </summary>
    [Alias("StartPurge")]
    ValueTask<AsyncEventView> StartPurgeAsync(IReadOnlyList<string> connectIds, string operatorId, string? transactionId, CancellationToken cancellationToken = default);

    /// <summary>True while a purge of the domain is invoked or running.</summary>
    [Alias("IsPurgeRunning")]
    ValueTask<bool> IsPurgeRunningAsync(CancellationToken cancellationToken = default);
}
