namespace Upt.Batch.Tests;

public sealed class BatchPathsTests
{
    [Theory]
    [InlineData("demo/2024/01/31/air.jsonl", 2024, 1, 31)]
    [InlineData("demo/1999/12/01/a b+c=ü.jsonl", 1999, 12, 1)]
    [InlineData("demo/2024/02/29/x.jsonl", 2024, 2, 29)]
    public void Batch_files_name_their_day(string path, int year, int month, int day)
    {
        Assert.True(BatchPaths.TryParse(path, "demo", out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("other/2024/01/31/air.jsonl")]          // another domain
    [InlineData("demo/2024/1/31/air.jsonl")]            // month without its zero
    [InlineData("demo/2023/02/29/air.jsonl")]           // no such day
    [InlineData("demo/2024/13/01/air.jsonl")]
    [InlineData("demo/2024/01/31/air.json")]            // not .jsonl
    [InlineData("demo/2024/01/31/air.JSONL")]
    [InlineData("demo/2024/01/31/.jsonl")]              // no name
    [InlineData("demo/2024/01/31/sub/air.jsonl")]       // too deep
    [InlineData("demo/2024/01/air.jsonl")]              // no day folder
    [InlineData("demo/README.md")]
    [InlineData("demo/2024/01/31/air.jsonl.gz")]
    public void Other_paths_are_not_batch_files(string path) => Assert.False(BatchPaths.TryParse(path, "demo", out _));

    [Fact]
    public void Listing_orders_by_day_then_name_and_reports_other_paths()
    {
        var listing = BatchPaths.Listing("demo",
        [
            ("demo/2024/02/01/a.jsonl", 1, "v"),
            ("demo/2024/01/31/z.jsonl", 2, "v"),
            ("demo/notes.txt", 3, "v"),
            ("demo/2024/01/31/b.jsonl", 4, "v"),
            ("demo/2023/12/31/y.jsonl", 5, "v"),
            ("demo/2024/01/31/B.jsonl", 6, "v"),
        ]);

        Assert.Equal(
            ["demo/2023/12/31/y.jsonl", "demo/2024/01/31/B.jsonl", "demo/2024/01/31/b.jsonl", "demo/2024/01/31/z.jsonl", "demo/2024/02/01/a.jsonl"],
            listing.Files.Select(f => f.Path));
        Assert.Equal(["demo/notes.txt"], listing.Ignored);
        Assert.Equal(4, listing.Files.Single(f => f.Path.EndsWith("/b.jsonl", StringComparison.Ordinal)).Size);
    }
}
