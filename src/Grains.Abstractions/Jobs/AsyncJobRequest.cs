namespace Upt.Grains;

/// <summary>
/// What an async job runs on: its use case (which job), the domain, the use case's arguments (e.g. connect ids), and
/// who asked and in which transaction. Not persisted: a job that stopped is reported failed, never resumed.
/// </summary>
[GenerateSerializer, Immutable, Alias("upt.async-job-request")]
public sealed record AsyncJobRequest(
    [property: Id(0)] string UseCase,
    [property: Id(1)] string Domain,
    [property: Id(2)] IReadOnlyList<string> Arguments,
    [property: Id(3)] string? OperatorId = null,
    [property: Id(4)] string? TransactionId = null);
