namespace Upt.Storage;

/// <summary>A stored member of a fuzzy-matching block with its profile's current row.</summary>
/// <param name="ProfileId">The member.</param>
/// <param name="FieldsJson">The profile's fields jsonb, or null when the profile no longer exists.</param>
/// <param name="MergedInto">The profile it was merged into, or null when it is live.</param>
public sealed record BlockMemberRow(string ProfileId, string? FieldsJson, string? MergedInto);
