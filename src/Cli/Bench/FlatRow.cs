namespace Upt.Cli.Bench;

/// <summary>One flat record as Upt stores it in <c>upt_objects</c> (key, JSON and precedence timestamp).</summary>
internal sealed record FlatRow(string ObjectType, string TravellerId, string ObjectId, string Json, DateTimeOffset? LastUpdated);
