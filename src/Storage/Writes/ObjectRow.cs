namespace Upt.Storage;

/// <summary>An object (interaction) row to upsert.</summary>
public sealed record ObjectRow(string ObjectType, string TravellerId, string ObjectId, string DataJson, DateTimeOffset? LastUpdated);
