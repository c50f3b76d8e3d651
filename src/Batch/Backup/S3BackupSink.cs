using Upt.S3;

namespace Upt.Batch.Backup;

/// <summary>Backup files as objects under a bucket (prefix): one PutObject each, which S3 makes visible whole or not at all.</summary>
public sealed class S3BackupSink : IBackupSink
{
    private const string ContentType = "application/x-ndjson";

    private readonly IS3Client _client;
    private readonly string _bucket;
    private readonly string _prefix;

    /// <summary>A sink into <paramref name="location"/> (<c>s3://bucket</c> or <c>s3://bucket/prefix</c>).</summary>
    public S3BackupSink(IS3Client client, S3Location location)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(location);
        _client = client;
        _bucket = location.Bucket;
        _prefix = location.KeyPrefix;
        Name = location.FolderName;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        await _client.PutObjectAsync(_bucket, _prefix + path, content, ContentType, cancellationToken);
    }
}
