namespace Upt.Batch.Backup;

/// <summary>A backup file to write in one piece.</summary>
/// <param name="Path">Relative to the backup target, '/'-separated: <c>{domain|_unparsed}/{YYYY}/{MM}/{DD}/{name}.jsonl</c>.</param>
/// <param name="Content">One record per line, each line ending with '\n'.</param>
/// <param name="Records">How many records (lines) it holds.</param>
public sealed record BackupFile(string Path, byte[] Content, int Records);
