using System.Globalization;
using System.Runtime.CompilerServices;
using Upt.Batch.Lines;

namespace Upt.Batch.Sources;

/// <summary>A folder on the machine running the job (the silo), holding <c>{domain}/{YYYY}/{MM}/{DD}/*.jsonl</c>.</summary>
public sealed class LocalFolderSource : IBatchSource
{
    private readonly string _root;

    /// <summary>A source over <paramref name="root"/>, which must be an absolute path.</summary>
    public LocalFolderSource(string root)
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
    public Task<string?> CheckAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(Directory.Exists(_root) ? null : $"folder {_root} does not exist (on the silo's machine)");

    /// <inheritdoc />
    public Task<BatchListing> ListAsync(string domain, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(_root, domain);
        if (!Directory.Exists(folder))
        {
            return Task.FromResult(new BatchListing([], []));
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
        var entries = Directory.EnumerateFiles(folder, "*", options).Select(path =>
        {
            var info = new FileInfo(path);
            var relative = Path.GetRelativePath(_root, path).Replace(Path.DirectorySeparatorChar, '/');
            return (relative, info.Length, "mtime:" + info.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture));
        });
        return Task.FromResult(BatchPaths.Listing(domain, entries));
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<BatchLine> ReadLinesAsync(BatchFile file, int maxLineBytes, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        await using var stream = new FileStream(Path.Combine(_root, file.Path), new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.ReadWrite,
            Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
            BufferSize = 0,
        });
        await foreach (var line in JsonlLineReader.ReadAsync(stream, maxLineBytes, cancellationToken))
        {
            yield return line;
        }
    }
}
