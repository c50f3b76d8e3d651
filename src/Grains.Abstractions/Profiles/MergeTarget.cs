namespace Upt.Grains;

/// <summary>A profile's current id, and whether it is a side of an unmerge (its rule matches need the negative-link check).</summary>
[GenerateSerializer, Immutable, Alias("upt.merge-target")]
public sealed record MergeTarget([property: Id(0)] string ProfileId, [property: Id(1)] bool UnmergeBlocked);
