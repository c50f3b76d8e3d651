namespace Upt.Grains;

/// <summary>One group of a third-party match file: profiles (or traveller ids) that match each other with one score.</summary>
[GenerateSerializer, Immutable, Alias("upt.imported-match-group")]
public sealed record ImportedMatchGroup(
    [property: Id(0)] string GroupId,
    [property: Id(1)] IReadOnlyList<string> Ids,
    [property: Id(2)] double Score);
