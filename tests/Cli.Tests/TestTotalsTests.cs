using System.Xml.Linq;
using Upt.Cli.Testing;

namespace Upt.Cli.Tests;

/// <summary>The summary line of `./upt test`, from TRX reports as xunit.v3 writes them.</summary>
public sealed class TestTotalsTests
{
    private const string Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    [Fact]
    public void Counts_per_test_outcomes()
    {
        // xunit.v3 reports a skipped test as NotRunnable.
        var trx = Trx(["Passed", "Passed", "Failed", "NotExecuted", "NotRunnable", "Error", "Timeout"], counters: null);

        var totals = TestTotals.FromTrx(trx);

        Assert.Equal(new TestTotals(2, 3, 2, 1), totals);
        Assert.Equal("2 passed, 3 failed, 2 skipped", totals.SummaryLine());
    }

    [Fact]
    public void Falls_back_to_counters_when_no_results_are_listed()
    {
        var trx = Trx([], counters: new XElement(XName.Get("Counters", Ns),
            new XAttribute("total", 9), new XAttribute("passed", 6), new XAttribute("failed", 1), new XAttribute("error", 1),
            new XAttribute("notExecuted", 1), new XAttribute("notRunnable", 1)));

        Assert.Equal(new TestTotals(6, 2, 2, 1), TestTotals.FromTrx(trx));
    }

    [Fact]
    public void Leaves_out_skipped_when_there_are_none()
    {
        Assert.Equal("5 passed, 0 failed", new TestTotals(5, 0, 0, 2).SummaryLine());
    }

    [Fact]
    public void Sums_every_report_under_a_folder()
    {
        var dir = Directory.CreateTempSubdirectory("upt-trx-").FullName;
        try
        {
            Trx(["Passed", "Passed"], null).Save(Path.Combine(dir, "a.trx"));
            Directory.CreateDirectory(Path.Combine(dir, "sub"));
            Trx(["Passed", "Failed", "NotExecuted"], null).Save(Path.Combine(dir, "sub", "b.trx"));
            File.WriteAllText(Path.Combine(dir, "notes.txt"), "not a report");

            Assert.Equal(new TestTotals(3, 1, 1, 2), TestTotals.FromDirectory(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task The_hidden_verb_prints_the_line_last_and_fails_on_failures_or_missing_reports()
    {
        var dir = Directory.CreateTempSubdirectory("upt-trx-").FullName;
        try
        {
            Trx(["Passed", "Passed", "Passed"], null).Save(Path.Combine(dir, "a.trx"));

            var ok = await CliProcess.RunAsync("test-summary", dir, "--expect-reports", "1");
            Assert.Equal(0, ok.ExitCode);
            Assert.Equal("3 passed, 0 failed", ok.LastStdoutLine);

            var missing = await CliProcess.RunAsync("test-summary", dir, "--expect-reports", "2");
            Assert.NotEqual(0, missing.ExitCode);
            Assert.Equal("3 passed, 0 failed", missing.LastStdoutLine);
            Assert.Contains("1 of 2 test projects wrote no report", missing.Stderr, StringComparison.Ordinal);

            Trx(["Failed"], null).Save(Path.Combine(dir, "b.trx"));
            var failed = await CliProcess.RunAsync("test-summary", dir);
            Assert.NotEqual(0, failed.ExitCode);
            Assert.Equal("3 passed, 1 failed", failed.LastStdoutLine);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static XDocument Trx(string[] outcomes, XElement? counters)
    {
        XName N(string name) => XName.Get(name, Ns);
        var results = new XElement(N("Results"), outcomes.Select((o, i) =>
            new XElement(N("UnitTestResult"), new XAttribute("testName", $"T{i}"), new XAttribute("outcome", o))));
        var summary = new XElement(N("ResultSummary"), new XAttribute("outcome", "Completed"));
        if (counters is not null)
        {
            summary.Add(counters);
        }

        return new XDocument(new XElement(N("TestRun"), results, summary));
    }
}
