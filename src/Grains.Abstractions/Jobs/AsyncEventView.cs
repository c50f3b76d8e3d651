namespace Upt.Grains;

/// <summary>
/// One async event: what <c>GET /api/ucp/async</c> shows (<c>item_type</c> = <see cref="EventId"/>, <c>item_id</c> =
/// <see cref="UseCase"/>). <see cref="Progress"/> is the share done, 0–1; <see cref="Error"/> says why it failed.
/// </summary>
[GenerateSerializer, Immutable, Alias("upt.async-event-view")]
public sealed record AsyncEventView(
    [property: Id(0)] string EventId,
    [property: Id(1)] string UseCase,
    [property: Id(2)] string Domain,
    [property: Id(3)] string Status,
    [property: Id(4)] DateTimeOffset LastUpdated,
    [property: Id(5)] double Progress,
    [property: Id(6)] string? Error);
