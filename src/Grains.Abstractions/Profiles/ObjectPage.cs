namespace Upt.Grains;

/// <summary>One page of a profile's objects of one type, newest first, with the type's total.</summary>
[GenerateSerializer, Immutable, Alias("upt.object-page")]
public sealed record ObjectPage(
    [property: Id(0)] IReadOnlyList<ProfileObjectView> Items,
    [property: Id(1)] long Total);
