namespace Upt.Grains.Ingest.Backup;

/// <summary>
/// The raw backup of consumed Kinesis records (configuration section <c>Backup</c>; the S3 client of a bucket target is
/// configured under <c>Backup:S3</c> like <c>Batch:S3</c>).
/// </summary>
public sealed class BackupOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Backup";

    /// <summary>
    /// Where every consumed record is copied, in the batch layout: an absolute folder path (on the silo's machine) or
    /// <c>s3://bucket[/prefix]</c>. Empty or null: no backup.
    /// </summary>
    public string? Target { get; set; }

    /// <summary>True when a target is set.</summary>
    public bool IsEnabled => !string.IsNullOrWhiteSpace(Target);
}
