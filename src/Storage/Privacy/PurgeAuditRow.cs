namespace Upt.Storage;

/// <summary>
/// A row of <c>upt_privacy_purge_audit</c>: who purged which connect ids of which domain, when, and how it ended
/// (<see cref="Outcome"/> null while the purge runs or when it never finished).
/// </summary>
public sealed record PurgeAuditRow(
    long Id,
    string Domain,
    string EventId,
    string OperatorId,
    IReadOnlyList<string> ConnectIds,
    string TransactionId,
    DateTimeOffset RequestedAt,
    DateTimeOffset? FinishedAt,
    string? Outcome,
    int? Locations,
    string? ErrorMessage);
