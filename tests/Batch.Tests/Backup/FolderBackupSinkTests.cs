using System.Text;
using Upt.Batch.Backup;
using Upt.Batch.Sources;

namespace Upt.Batch.Tests.Backup;

/// <summary>Backup files in a folder: in the batch layout, replaced whole, and nothing left half-written.</summary>
public sealed class FolderBackupSinkTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "upt-backup-tests", Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Files_land_in_the_layout_a_batch_source_lists_and_a_rewrite_replaces_them()
    {
        var sink = BackupSinkFor(_root + "/");
        Assert.Equal(_root, sink.Name);

        await sink.WriteAsync("demo/2024/06/01/kinesis-s-1.jsonl", "{\"a\":1}\n{\"a\":2}\n"u8.ToArray(), Ct);
        await sink.WriteAsync("demo/2024/06/02/kinesis-s-9.jsonl", "{\"a\":3}\n"u8.ToArray(), Ct);
        await sink.WriteAsync("_unparsed/2024/06/01/kinesis-s-5.jsonl", "{\"text\":\"x\"}\n"u8.ToArray(), Ct);
        await sink.WriteAsync("demo/2024/06/01/kinesis-s-1.jsonl", "{\"a\":1}\n"u8.ToArray(), Ct);

        var source = new LocalFolderSource(_root);
        var listing = await source.ListAsync("demo", Ct);
        Assert.Equal(["demo/2024/06/01/kinesis-s-1.jsonl", "demo/2024/06/02/kinesis-s-9.jsonl"], listing.Files.Select(f => f.Path));
        Assert.Empty(listing.Ignored);
        var lines = new List<string>();
        await foreach (var line in source.ReadLinesAsync(listing.Files[0], 1 << 20, Ct))
        {
            lines.Add(Encoding.UTF8.GetString(line.Data));
        }

        Assert.Equal(["{\"a\":1}"], lines);
        Assert.Empty(Directory.GetFiles(Path.Combine(_root, FolderBackupSink.TempFolder)));
        Assert.Empty((await source.ListAsync(FolderBackupSink.TempFolder, Ct)).Files);
    }

    [Theory]
    [InlineData("../outside.jsonl")]
    [InlineData("demo/../../outside.jsonl")]
    public async Task A_path_that_leaves_the_folder_is_refused(string path)
    {
        var sink = BackupSinkFor(_root);

        await Assert.ThrowsAsync<ArgumentException>(() => sink.WriteAsync(path, "{}\n"u8.ToArray(), Ct));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(_root)!, "outside.jsonl")));
    }

    [Theory]
    [InlineData("relative/backup", "must be an absolute path")]
    [InlineData("ftp://host/x", "unsupported source")]
    [InlineData("", "empty")]
    public void A_bad_target_is_named(string target, string message)
    {
        Assert.False(BackupSinks.TryCreate(target, () => throw new InvalidOperationException("no S3 for a folder"), out _, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    private static IBackupSink BackupSinkFor(string target)
    {
        Assert.True(BackupSinks.TryCreate(target, () => throw new InvalidOperationException("no S3 for a folder"), out var sink, out var error), error);
        return Assert.IsType<FolderBackupSink>(sink);
    }
}
