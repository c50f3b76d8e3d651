namespace Upt.Grains;

/// <summary>A block member scored against an offered profile.</summary>
/// <param name="ProfileId">The member.</param>
/// <param name="Score">The match score (posterior probability of the same traveller, 0 to 1).</param>
[GenerateSerializer, Immutable, Alias("upt.block-match")]
public sealed record BlockMatch(
    [property: Id(0)] string ProfileId,
    [property: Id(1)] double Score);
