namespace Upt.Batch.Backup;

/// <summary>
/// Backup files in a folder: each is written under a temporary name in <c>{root}/_tmp</c>, flushed to disk, then renamed
/// into place (atomic on one file system), so a batch job listing the folder never reads half a file.
/// </summary>
public sealed class FolderBackupSink : IBackupSink
{
    /// <summary>The folder of files being written; like <see cref="BatchPaths.UnparsedFolder"/> it can never be a domain.</summary>
    public const string TempFolder = "_tmp";

    private readonly string _root;

    /// <summary>A sink into <paramref name="root"/>, which must be an absolute path (created when missing).</summary>
    public FolderBackupSink(string root)
    {
        if (!Path.IsPathFullyQualified(root))
        {
            throw new ArgumentException($"The folder must be an absolute path: {root}", nameof(root));
        }

        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
    }

    /// <inheritdoc />
    public string Name => _root;

    /// <inheritdoc />
    public async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var target = Path.GetFullPath(Path.Combine(_root, path.Replace('/', Path.DirectorySeparatorChar)));
        if (!target.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The path leaves the backup folder: {path}", nameof(path));
        }

        var temp = Path.Combine(_root, TempFolder, $"{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(Path.GetDirectoryName(temp)!);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            // Write-through: the write completes once the bytes are on disk, without blocking the caller's thread on a flush.
            await using (var stream = new FileStream(temp, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                Options = FileOptions.Asynchronous | FileOptions.WriteThrough,
                BufferSize = 0,
                PreallocationSize = content.Length,
            }))
            {
                await stream.WriteAsync(content, cancellationToken);
            }

            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
