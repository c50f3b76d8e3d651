namespace Upt.Storage;

/// <summary>
/// An error record that may still be retried, with its ledger entry when it has one (<see cref="Scheduled"/>):
/// <see cref="NextAttemptAt"/> is when the next attempt is due.
/// </summary>
public sealed record RetryCandidate(string Id, DateTimeOffset CreatedAt, int RetryCount, bool Scheduled, DateTimeOffset? NextAttemptAt);
