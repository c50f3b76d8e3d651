namespace Upt.Storage;

/// <summary>A stored object row.</summary>
public sealed record StoredObject(string ObjectType, string ObjectId, string TravellerId, string DataJson, DateTimeOffset? LastUpdated, DateTimeOffset CreatedAt);
