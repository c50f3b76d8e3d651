namespace Upt.Grains;

/// <summary>One stored object (interaction) of a profile.</summary>
[GenerateSerializer, Immutable, Alias("upt.profile-object")]
public sealed record ProfileObjectView(
    [property: Id(0)] string ObjectType,
    [property: Id(1)] string ObjectId,
    [property: Id(2)] string TravellerId,
    [property: Id(3)] string Json,
    [property: Id(4)] DateTimeOffset? LastUpdated,
    [property: Id(5)] DateTimeOffset IngestedAt);
