using System.CommandLine;
using System.Globalization;
using Upt.Cli.Batch;
using Upt.Transforms.Records;

namespace Upt.Cli.Commands;

/// <summary>
/// <c>upt batch</c>: starts a batch job through the running API, shows its progress until it ends and prints a summary.
/// The job runs in a silo: Ctrl-C only stops watching. Progress and the table go to stderr; stdout gets one final line,
/// <c>batch: job=... run=N status=... files=N ... records=N errors=N seconds=S rate=R/s</c>. Exit 0 when the run
/// succeeded, 1 when it failed, 2 when it could not start, 130 when watching was interrupted.
/// </summary>
internal static class BatchCommand
{
    public static Command Create()
    {
        var source = new Option<string>("--source") { Description = "Folder (read by the silo; made absolute here) or s3://bucket[/prefix] holding {domain}/YYYY/MM/DD/*.jsonl", Required = true };
        var domain = new Option<string>("--domain") { Description = "Domain to ingest into", Required = true };
        var objectType = new Option<string?>("--object-type") { Description = "Business object type of the lines (bare objects or envelopes); default: envelopes of every type (job run-all-jobs)" };
        var from = new Option<string?>("--from") { Description = "YYYY-MM-DD: ingest files dated on/after this day again, even if already ingested" };
        var api = new Option<string>("--api") { Description = "API base URL", DefaultValueFactory = _ => $"http://127.0.0.1:{RunCommand.PreferredApiPort}" };
        var token = new Option<string?>("--token") { Description = "Bearer token for the API, when it requires one (default: $UPT_API_TOKEN)" };
        var command = new Command("batch", "Ingest JSONL files ({domain}/YYYY/MM/DD/*.jsonl) from a folder or S3 bucket through a batch job in the silo, with progress")
        {
            source, domain, objectType, from, api, token,
        };
        command.Validators.Add(CommandValidation.Safely(result =>
        {
            if (result.GetValue(objectType) is { } type && !BusinessObjectTypes.IsKnown(type))
            {
                result.AddError($"--object-type must be one of {string.Join(", ", BusinessObjectTypes.All)}.");
            }

            if (result.GetValue(from) is { } day && ParseDay(day) is null)
            {
                result.AddError("--from must be a date, YYYY-MM-DD.");
            }

            if (result.GetValue(api) is { } url && BatchJobWatch.ParseUrl(url) is null)
            {
                result.AddError("--api must be an absolute http(s) URL.");
            }
        }));
        command.SetAction(async (parse, _) => await RunAsync(
            BatchJobWatch.ParseUrl(parse.GetValue(api)!)!,
            parse.GetValue(domain)!,
            parse.GetValue(objectType),
            BatchJobWatch.SourceText(parse.GetValue(source)!),
            parse.GetValue(from) is { } day ? ParseDay(day) : null,
            parse.GetValue(token) ?? Environment.GetEnvironmentVariable("UPT_API_TOKEN")));
        return command;
    }

    private static Task<int> RunAsync(Uri apiUrl, string domain, string? objectType, string source, DateOnly? from, string? token)
    {
        var jobName = objectType ?? Grains.BatchJobs.RunAllJobs;
        return BatchJobWatch.RunAsync("batch", apiUrl, token, domain, jobName,
            (client, ct) => client.StartAsync(domain, jobName, source, from, ct), view => view.SummaryLine());
    }

    private static DateOnly? ParseDay(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
