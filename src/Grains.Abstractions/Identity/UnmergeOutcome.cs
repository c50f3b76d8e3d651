namespace Upt.Grains;

/// <summary>The result of an unmerge: the restored profile and its former parent, or why nothing changed.</summary>
[GenerateSerializer, Immutable, Alias("upt.unmerge-outcome")]
public sealed record UnmergeOutcome(
    [property: Id(0)] bool Succeeded,
    [property: Id(1)] string Message,
    [property: Id(2)] string ProfileId,
    [property: Id(3)] string? ParentProfileId,
    [property: Id(4)] IReadOnlyList<string> MovedTravellerIds);
