using System.CommandLine;
using System.Xml;
using Upt.Cli.Testing;

namespace Upt.Cli.Commands;

/// <summary>
/// <c>upt test-summary DIR [--expect-reports N]</c> (hidden; used by `./upt test`): sums the TRX reports under DIR into
/// one line, <c>N passed, N failed[, N skipped]</c>. Exit 0 only when nothing failed and every expected report is there.
/// </summary>
internal static class TestSummaryCommand
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("results-directory") { Description = "Folder holding the *.trx reports" };
        var expect = new Option<int>("--expect-reports") { Description = "Test projects that ran; fewer reports means some did not finish", DefaultValueFactory = _ => 0 };
        var command = new Command("test-summary", "Sum TRX test reports into one line") { directory, expect };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            TestTotals totals;
            try
            {
                totals = TestTotals.FromDirectory(parse.GetValue(directory)!.FullName);
            }
            catch (Exception ex) when (ex is XmlException or IOException)
            {
                Console.Error.WriteLine($"test-summary: unreadable report: {ex.Message}");
                Console.Out.WriteLine(TestTotals.Empty.SummaryLine());
                return 1;
            }

            var expected = parse.GetValue(expect);
            if (totals.Reports < expected)
            {
                Console.Error.WriteLine($"test-summary: {expected - totals.Reports} of {expected} test projects wrote no report (crashed or did not run)");
            }

            Console.Out.WriteLine(totals.SummaryLine());
            return totals.Failed == 0 && totals.Reports >= expected ? 0 : 1;
        });
        return command;
    }
}
