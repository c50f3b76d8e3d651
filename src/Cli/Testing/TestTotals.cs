using System.Xml.Linq;

namespace Upt.Cli.Testing;

/// <summary>Test counts summed over the TRX reports of one `./upt test` run.</summary>
/// <param name="Passed">Tests that passed.</param>
/// <param name="Failed">Tests that failed, errored, timed out or were aborted.</param>
/// <param name="Skipped">Tests that did not run (skipped, not executed).</param>
/// <param name="Reports">How many TRX reports were read.</param>
internal sealed record TestTotals(long Passed, long Failed, long Skipped, int Reports)
{
    /// <summary>No tests, no reports.</summary>
    public static TestTotals Empty { get; } = new(0, 0, 0, 0);

    /// <summary>The last line of `./upt test`: <c>N passed, N failed</c>, with <c>, N skipped</c> when some were skipped.</summary>
    public string SummaryLine() => Skipped > 0
        ? FormattableString.Invariant($"{Passed} passed, {Failed} failed, {Skipped} skipped")
        : FormattableString.Invariant($"{Passed} passed, {Failed} failed");

    /// <summary>Adds two totals.</summary>
    public TestTotals Add(TestTotals other) =>
        new(Passed + other.Passed, Failed + other.Failed, Skipped + other.Skipped, Reports + other.Reports);

    /// <summary>Sums every <c>*.trx</c> file under <paramref name="directory"/> (none: <see cref="Empty"/>).</summary>
    public static TestTotals FromDirectory(string directory) =>
        !Directory.Exists(directory)
            ? Empty
            : Directory.EnumerateFiles(directory, "*.trx", SearchOption.AllDirectories)
                .Select(f => FromTrx(XDocument.Load(f)))
                .Aggregate(Empty, (sum, t) => sum.Add(t));

    /// <summary>
    /// The counts of one TRX report. The per-test <c>UnitTestResult</c> outcomes are authoritative (they are what the
    /// runner saw); the <c>ResultSummary/Counters</c> element is the fallback when a report lists no results.
    /// </summary>
    public static TestTotals FromTrx(XDocument trx)
    {
        ArgumentNullException.ThrowIfNull(trx);
        var results = trx.Descendants().Where(e => e.Name.LocalName == "UnitTestResult").ToList();
        if (results.Count > 0)
        {
            long passed = 0, failed = 0, skipped = 0;
            foreach (var outcome in results.Select(r => (string?)r.Attribute("outcome") ?? ""))
            {
                switch (outcome)
                {
                    case "Passed":
                        passed++;
                        break;
                    // xunit.v3 writes skipped tests as NotRunnable.
                    case "NotRunnable" or "NotExecuted" or "Inconclusive" or "Skipped" or "Pending" or "Warning":
                        skipped++;
                        break;
                    default:
                        // Failed, Error, Timeout, Aborted, and anything unknown: not a pass is a failure.
                        failed++;
                        break;
                }
            }

            return new TestTotals(passed, failed, skipped, 1);
        }

        var counters = trx.Descendants().FirstOrDefault(e => e.Name.LocalName == "Counters");
        if (counters is null)
        {
            return new TestTotals(0, 0, 0, 1);
        }

        long Count(string name) => long.TryParse((string?)counters.Attribute(name), out var v) ? v : 0;
        return new TestTotals(
            Count("passed"),
            Count("failed") + Count("error") + Count("timeout") + Count("aborted"),
            Count("notRunnable") + Count("notExecuted") + Count("inconclusive"),
            1);
    }
}
