namespace Upt.Storage;

/// <summary>
/// An error record to keep. <see cref="Id"/> derives from the source position so that redelivery is idempotent.
/// <see cref="Source"/> (file and line of a batch record) is read back, and set by <see cref="BatchStore.TagErrorSourcesAsync"/>;
/// <see cref="RetryCount"/> and <see cref="LastRetryAt"/> are read back, and set by <see cref="ErrorStore.RecordAttemptAsync"/>.
/// </summary>
public sealed record ErrorRow(
    string Id,
    string Domain,
    string Category,
    string Message,
    string ObjectType,
    string? TravellerId,
    string? TransactionId,
    string Raw,
    DateTimeOffset CreatedAt,
    string? Source = null,
    int RetryCount = 0,
    DateTimeOffset? LastRetryAt = null);
