namespace Upt.Grains;

/// <summary>
/// A domain's error records: delete, retry from the stored raw record, and the periodic pass (retention purge and
/// scheduled retries with backoff). Key: the domain name. Only this grain changes a domain's error records after
/// ingestion wrote them, so deletes, retries and purges never race each other.
/// </summary>
[Alias("upt.IErrorMaintenanceGrain")]
public interface IErrorMaintenanceGrain : IGrainWithStringKey
{
    /// <summary>Deletes one error record (and its retry ledger entry); false when the domain has no such record.</summary>
    [Alias("Delete")]
    ValueTask<bool> DeleteAsync(string errorId, CancellationToken cancellationToken = default);

    /// <summary>Deletes every error record of the domain (and the retry ledger); returns how many records went.</summary>
    [Alias("DeleteAll")]
    ValueTask<long> DeleteAllAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Re-submits one error record's raw record now, whatever its category and earlier attempts (an operator's
    /// decision): it counts as an attempt. Null when the domain has no such record.
    /// </summary>
    [Alias("Retry")]
    ValueTask<ErrorRetryOutcome?> RetryAsync(string errorId, CancellationToken cancellationToken = default);

    /// <summary>
    /// One maintenance pass: purges records older than the domain's <see cref="DomainSettings.ErrorRetentionDays"/> and
    /// expired ledger entries, schedules retryable records and attempts the ones that are due. Idempotent: a duplicate
    /// pass only does what is due.
    /// </summary>
    [Alias("Run")]
    ValueTask<MaintenancePass> RunAsync(CancellationToken cancellationToken = default);
}
