namespace Upt.Grains;

/// <summary>A change to a profile, published on the domain's change stream after it is durable.</summary>
[GenerateSerializer, Immutable, Alias("upt.profile-change")]
public sealed record ProfileChangeEvent(
    [property: Id(0)] string Domain,
    [property: Id(1)] string ProfileId,
    [property: Id(2)] ChangeKind Kind,
    [property: Id(3)] string? ObjectType,
    [property: Id(4)] string? ObjectId,
    [property: Id(5)] string? TravellerId,
    [property: Id(6)] DateTimeOffset Time);
