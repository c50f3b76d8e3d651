namespace Upt.Batch.Backup;

/// <summary>One consumed stream record to back up.</summary>
/// <param name="SequenceNumber">The record's position in its shard (names the file a group of records starts).</param>
/// <param name="Data">The producer's bytes, untouched.</param>
/// <param name="ArrivedAt">When the stream accepted the record: its UTC day is the backup file's day.</param>
public sealed record BackupRecord(string SequenceNumber, byte[] Data, DateTimeOffset ArrivedAt);
