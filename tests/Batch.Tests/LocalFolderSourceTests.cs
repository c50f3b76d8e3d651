using System.Text;
using Upt.Batch.Sources;

namespace Upt.Batch.Tests;

public sealed class LocalFolderSourceTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "upt-batch-tests", Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string path, string text)
    {
        var full = Path.Combine(_root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    [Fact]
    public async Task Lists_the_domains_batch_files_in_order_and_reads_their_lines()
    {
        Write("demo/2024/01/02/b.jsonl", "{\"n\":1}\n\n{\"n\":3}\n");
        Write("demo/2024/01/02/a.jsonl", "{}");
        Write("demo/2023/12/31/z.jsonl", "{}\n");
        Write("demo/2024/01/02/notes.txt", "x");
        Write("other/2024/01/02/a.jsonl", "{}");
        var source = new LocalFolderSource(_root + "/");

        Assert.Equal(_root, source.Name);
        Assert.Null(await source.CheckAsync(Ct));
        var listing = await source.ListAsync("demo", Ct);
        Assert.Equal(["demo/2023/12/31/z.jsonl", "demo/2024/01/02/a.jsonl", "demo/2024/01/02/b.jsonl"], listing.Files.Select(f => f.Path));
        Assert.Equal(["demo/2024/01/02/notes.txt"], listing.Ignored);
        var b = listing.Files[2];
        Assert.Equal(17, b.Size);
        Assert.StartsWith("mtime:", b.Version, StringComparison.Ordinal);

        var lines = new List<(int, string)>();
        await foreach (var line in source.ReadLinesAsync(b, 1 << 20, Ct))
        {
            lines.Add((line.Number, Encoding.UTF8.GetString(line.Data)));
        }

        Assert.Equal([(1, "{\"n\":1}"), (3, "{\"n\":3}")], lines);
    }

    [Fact]
    public async Task A_domain_without_a_folder_has_no_files_and_a_missing_root_is_reported()
    {
        Directory.CreateDirectory(_root);
        Assert.Empty((await new LocalFolderSource(_root).ListAsync("demo", Ct)).Files);
        Assert.Contains("does not exist", await new LocalFolderSource(Path.Combine(_root, "missing")).CheckAsync(Ct), StringComparison.Ordinal);
    }
}
