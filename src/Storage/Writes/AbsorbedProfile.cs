namespace Upt.Storage;

/// <summary>A profile that a write absorbs, and the merge history row recorded in the same transaction.</summary>
public sealed record AbsorbedProfile(string ProfileId, MergeRecord Merge);
