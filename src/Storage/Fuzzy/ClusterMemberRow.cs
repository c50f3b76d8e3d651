namespace Upt.Storage;

/// <summary>A profile of a merge cluster: the live profile itself or one merged into it (its fields as they were then).</summary>
/// <param name="ProfileId">The profile.</param>
/// <param name="FieldsJson">Its fields jsonb.</param>
public sealed record ClusterMemberRow(string ProfileId, string FieldsJson);
