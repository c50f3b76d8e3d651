namespace Upt.Batch.Backup;

/// <summary>Where backup files go: a local folder or an S3-compatible bucket (prefix), read back as a batch source.</summary>
public interface IBackupSink
{
    /// <summary>The target as text, normalised like a batch source's name (absolute folder path or <c>s3://bucket[/prefix]</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Stores <paramref name="content"/> at <paramref name="path"/> ('/'-separated, relative to the target), replacing a
    /// file of that name. A reader sees the old file or the whole new one, never a part; the file is durable on return.
    /// </summary>
    Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);
}
