namespace Upt.Storage;

/// <summary>An object that a write inserted or actually changed (unchanged re-deliveries are not reported).</summary>
public sealed record ObjectChange(string ObjectType, string TravellerId, string ObjectId, bool Inserted);
