namespace Upt.Storage;

/// <summary>A file a batch job has ingested completely: every line's effects or error record is durable.</summary>
public sealed record BatchBookmark(
    string Domain,
    string ObjectType,
    string Source,
    string Path,
    long Size,
    string Version,
    long Records,
    long Errors,
    long RunId);
