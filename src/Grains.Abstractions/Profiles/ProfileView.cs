namespace Upt.Grains;

/// <summary>The 360 view of a profile: profile-level fields, its traveller ids and (optionally) its objects.</summary>
[GenerateSerializer, Immutable, Alias("upt.profile-view")]
public sealed record ProfileView(
    [property: Id(0)] string Domain,
    [property: Id(1)] string ProfileId,
    [property: Id(2)] IReadOnlyDictionary<string, string> Fields,
    [property: Id(3)] IReadOnlyList<string> TravellerIds,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset LastUpdated,
    [property: Id(6)] IReadOnlyDictionary<string, ObjectPage> Objects);
