using System.Text;
using Upt.Batch.Lines;

namespace Upt.Batch.Tests;

public sealed class JsonlLineReaderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<BatchLine>> ReadAsync(byte[] bytes, int max = 1 << 20)
    {
        var lines = new List<BatchLine>();
        await foreach (var line in JsonlLineReader.ReadAsync(new MemoryStream(bytes), max, Ct))
        {
            lines.Add(line);
        }

        return lines;
    }

    [Fact]
    public async Task Lines_are_numbered_in_the_file_and_blank_ones_skipped()
    {
        var lines = await ReadAsync(Encoding.UTF8.GetBytes("\uFEFF{\"a\":1}\r\n\n  \r\n{\"b\":2}\n{\"c\":3}"));

        Assert.Equal([1, 4, 5], lines.Select(l => l.Number));
        Assert.Equal(["{\"a\":1}", "{\"b\":2}", "{\"c\":3}"], lines.Select(l => Encoding.UTF8.GetString(l.Data)));
        Assert.All(lines, l => Assert.False(l.TooLong));
        Assert.Equal(new long[] { 12, 25, 32 }, lines.Select(l => l.Position));
    }

    [Fact]
    public async Task Lines_longer_than_the_buffer_are_joined()
    {
        var big = "{\"v\":\"" + new string('x', 200_000) + "\"}";
        var lines = await ReadAsync(Encoding.UTF8.GetBytes($"{big}\n{{\"n\":2}}\n"));

        Assert.Equal(2, lines.Count);
        Assert.Equal(big, Encoding.UTF8.GetString(lines[0].Data));
        Assert.Equal(2, lines[1].Number);
    }

    [Fact]
    public async Task A_line_over_the_limit_is_cut_and_the_next_line_is_read()
    {
        var big = new string('x', 300_000);
        var lines = await ReadAsync(Encoding.UTF8.GetBytes($"{{\"n\":1}}\n{big}\n{{\"n\":3}}\n"), max: 100_000);

        Assert.Equal([1, 2, 3], lines.Select(l => l.Number));
        Assert.True(lines[1].TooLong);
        Assert.Equal(JsonlLineReader.TooLongPrefixBytes, lines[1].Data.Length);
        Assert.False(lines[2].TooLong);
        Assert.Equal("{\"n\":3}", Encoding.UTF8.GetString(lines[2].Data));
    }
}
