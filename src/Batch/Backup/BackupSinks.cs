using System.Diagnostics.CodeAnalysis;
using Upt.Batch.Sources;
using Upt.S3;

namespace Upt.Batch.Backup;

/// <summary>Turns a backup target (<c>s3://bucket[/prefix]</c> or an absolute folder path, as a batch source is written) into a sink.</summary>
public static class BackupSinks
{
    /// <summary>Creates the sink; false with a message saying what is wrong with <paramref name="target"/>.</summary>
    /// <param name="target">The target text.</param>
    /// <param name="s3">Gives the S3 client, only when the target is a bucket.</param>
    /// <param name="sink">The sink.</param>
    /// <param name="error">What is wrong.</param>
    public static bool TryCreate(string? target, Func<IS3Client> s3, [NotNullWhen(true)] out IBackupSink? sink, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(s3);
        sink = null;
        if (!BatchSourceFactory.TryParse(target, out var location, out var folder, out error))
        {
            return false;
        }

        sink = location is not null ? new S3BackupSink(s3(), location) : new FolderBackupSink(folder!);
        return true;
    }
}
