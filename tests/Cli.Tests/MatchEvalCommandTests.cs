using System.Text.RegularExpressions;
using Upt.TestSupport;

namespace Upt.Cli.Tests;

/// <summary>
/// `upt match-eval` end to end on 200 FEBRL records: the whole local stack as real processes (Release build). Only
/// the last line's shape and the record count are checked: the quality figures depend on the matching in the grains.
/// </summary>
public sealed partial class MatchEvalCommandTests
{
    [Fact]
    public async Task Two_hundred_febrl_records_give_the_last_line()
    {
        var febrl = Path.Combine(SharedData.Upt, "..", "febrl", "dataset1.csv");
        Assert.SkipUnless(File.Exists(febrl), $"FEBRL data not found at {febrl}");
        var sample = Path.Combine(Path.GetTempPath(), $"upt-match-eval-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(sample, File.ReadLines(febrl).Take(201), TestContext.Current.CancellationToken);
        try
        {
            var result = await CliProcess.RunAsync("match-eval", sample);

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Matches(LastLine(), result.LastStdoutLine);
            Assert.StartsWith("match-eval: records=200 profiles=", result.LastStdoutLine, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(sample);
        }
    }

    [Fact]
    public async Task A_missing_file_is_a_usage_error()
    {
        var result = await CliProcess.RunAsync("match-eval", "/nonexistent/febrl.csv", "--without-id");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("match-eval: error: file not found: /nonexistent/febrl.csv", result.Stderr.Trim());
    }

    [GeneratedRegex(@"^match-eval: records=\d+ profiles=\d+ precision=\d\.\d{4} recall=\d\.\d{4} f1=\d\.\d{4} auto_merged=\d+ review_pairs=\d+$")]
    private static partial Regex LastLine();
}
