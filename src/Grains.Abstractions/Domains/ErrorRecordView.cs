namespace Upt.Grains;

/// <summary>
/// A rejected object or record, kept for review and retry. <see cref="Source"/>: file and line of a batch record;
/// <see cref="RetryCount"/> and <see cref="LastRetryAt"/>: the retries of its raw record so far.
/// </summary>
[GenerateSerializer, Immutable, Alias("upt.error-record")]
public sealed record ErrorRecordView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Category,
    [property: Id(2)] string Message,
    [property: Id(3)] string Domain,
    [property: Id(4)] string ObjectType,
    [property: Id(5)] string? TravellerId,
    [property: Id(6)] string? TransactionId,
    [property: Id(7)] string Raw,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] string? Source = null,
    [property: Id(10)] int RetryCount = 0,
    [property: Id(11)] DateTimeOffset? LastRetryAt = null);
