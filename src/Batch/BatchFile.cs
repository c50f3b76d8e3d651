namespace Upt.Batch;

/// <summary>One JSONL file of a batch source.</summary>
/// <param name="Path">The path relative to the source, '/'-separated: <c>{domain}/{YYYY}/{MM}/{DD}/{name}.jsonl</c>.</param>
/// <param name="Date">The day named by the path's date folders.</param>
/// <param name="Size">The size in bytes when listed.</param>
/// <param name="Version">What changes when the file is rewritten: the S3 ETag, or the local modification time.</param>
public sealed record BatchFile(string Path, DateOnly Date, long Size, string Version);
