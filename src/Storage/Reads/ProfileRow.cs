namespace Upt.Storage;

/// <summary>A stored profile: its fields jsonb and times.</summary>
public sealed record ProfileRow(string FieldsJson, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? MergedInto);
