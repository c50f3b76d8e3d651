using System.CommandLine;
using Upt.Cli.Batch;
using Upt.Grains;

namespace Upt.Cli.Commands;

/// <summary>
/// <c>upt replay</c>: ingests a time range of the raw backup again, through a batch job (<c>run-all-jobs</c> with a range)
/// started via the API, and shows it like <c>upt batch</c>. stdout gets one final line,
/// <c>replay: run=N status=... from=... to=... files=N done=N records=N skipped_lines=N errors=N seconds=S rate=R/s</c>.
/// Exit 0 when the run succeeded, 1 when it failed, 2 when it could not start, 130 when watching was interrupted.
/// </summary>
internal static class ReplayCommand
{
    private const string Bound = "a date (YYYY-MM-DD) or an ISO date-time (YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM]), UTC unless an offset is given";

    public static Command Create()
    {
        var domain = new Option<string>("--domain") { Description = "Domain whose backed-up records are ingested again", Required = true };
        var from = new Option<string>("--from") { Description = $"Start of the range: {Bound}", Required = true };
        var to = new Option<string>("--to") { Description = $"End of the range, inclusive (a date: its whole day): {Bound}", Required = true };
        var source = new Option<string>("--source")
        {
            Description = "The backup target (Backup:Target of the silos): a folder read by the silo (made absolute here) or s3://bucket[/prefix]",
            DefaultValueFactory = _ => RunCommand.BackupFolder,
        };
        var api = new Option<string>("--api") { Description = "API base URL", DefaultValueFactory = _ => $"http://127.0.0.1:{RunCommand.PreferredApiPort}" };
        var token = new Option<string?>("--token") { Description = "Bearer token for the API, when it requires one (default: $UPT_API_TOKEN)" };
        var command = new Command("replay", "Ingest the raw backup of a time range again (files of its days, lines whose timestamp is in it), through a batch job in the silo")
        {
            domain, from, to, source, api, token,
        };
        command.Validators.Add(CommandValidation.Safely(result =>
        {
            var start = Parse(result.GetValue(from), isEnd: false);
            var end = Parse(result.GetValue(to), isEnd: true);
            if (result.GetValue(from) is not null && start is null)
            {
                result.AddError($"--from must be {Bound}.");
            }

            if (result.GetValue(to) is not null && end is null)
            {
                result.AddError($"--to must be {Bound}.");
            }

            if (start > end)
            {
                result.AddError("--from must not be after --to.");
            }

            if (result.GetValue(api) is { } url && BatchJobWatch.ParseUrl(url) is null)
            {
                result.AddError("--api must be an absolute http(s) URL.");
            }
        }));
        command.SetAction(async (parse, _) =>
        {
            var name = parse.GetValue(domain)!;
            var text = BatchJobWatch.SourceText(parse.GetValue(source)!);
            var (first, last) = (parse.GetValue(from)!, parse.GetValue(to)!);
            return await BatchJobWatch.RunAsync("replay", BatchJobWatch.ParseUrl(parse.GetValue(api)!)!,
                parse.GetValue(token) ?? Environment.GetEnvironmentVariable("UPT_API_TOKEN"), name, BatchJobs.RunAllJobs,
                (client, ct) => client.StartReplayAsync(name, BatchJobs.RunAllJobs, text, first, last, ct), view => view.ReplaySummaryLine());
        });
        return command;
    }

    private static DateTimeOffset? Parse(string? text, bool isEnd) =>
        BatchTimeRange.TryParseBound(text, isEnd, out var bound) ? bound : null;
}
