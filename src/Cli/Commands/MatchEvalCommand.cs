using System.CommandLine;
using Upt.Cli.MatchEval;
using Upt.Cli.Run;

namespace Upt.Cli.Commands;

/// <summary>
/// <c>upt match-eval &lt;febrl.csv&gt; [--without-id]</c>: ingests a FEBRL file through a private local stack, each
/// record its own traveller, and scores the profiles it ends in against the true entities. The last line
/// (<c>match-eval: records=...</c>) is a contract that other tools parse. Assumes the Release build of the silo and API exists.
/// </summary>
internal static class MatchEvalCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("febrl.csv") { Description = "A FEBRL CSV file (rec_id, given_name, surname, ..., soc_sec_id)" };
        var withoutId = new Option<bool>("--without-id") { Description = "Leave soc_sec_id out (by default it is a loyalty-programme id)" };
        var command = new Command("match-eval", "Pairwise precision, recall and F1 of Upt's profiles on a FEBRL file, end to end through Kinesis")
        {
            file, withoutId,
        };
        command.SetAction(async (parse, _) =>
        {
            var path = parse.GetValue(file);
            if (path is null || !path.Exists)
            {
                Console.Error.WriteLine($"match-eval: error: file not found: {path?.FullName}");
                return 2;
            }

            return await RunAsync(path.FullName, !parse.GetValue(withoutId));
        });
        return command;
    }

    private static Task<int> RunAsync(string path, bool withId) =>
        MeasuredRun.RunAsync("match-eval", async token => (await new MatchEvalRunner(path, withId, new ConsoleLogger(), Console.Out).RunAsync(token)).LastLine());
}
