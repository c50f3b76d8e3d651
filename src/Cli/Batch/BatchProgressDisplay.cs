using System.Globalization;
using Spectre.Console;

namespace Upt.Cli.Batch;

/// <summary>The progress bar of `upt batch` (files, records, errors, rate; bar and ETA by bytes) and its summary table.</summary>
internal static class BatchProgressDisplay
{
    /// <summary>Shows the run's progress until <paramref name="wait"/> returns the final view.</summary>
    public static async Task<BatchJobView> ShowAsync(IAnsiConsole console, BatchJobView started, Func<Action<BatchJobView>, Task<BatchJobView>> wait)
    {
        BatchJobView final = started;
        await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Describe(started), maxValue: 1);
                void Update(BatchJobView view)
                {
                    task.MaxValue = Math.Max(1, view.BytesTotal);
                    task.Value = Math.Min(task.MaxValue, view.BytesDone);
                    task.Description = Describe(view);
                }

                Update(started);
                final = await wait(Update);
                Update(final);
                if (final.Succeeded)
                {
                    task.Value = task.MaxValue;
                }

                task.StopTask();
            });
        return final;
    }

    /// <summary>The summary table of a finished run.</summary>
    public static void Summarise(IAnsiConsole console, BatchJobView view)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Run " + view.RunId).AddColumn(view.JobName);
        var colour = view.Succeeded ? "green" : "red";
        table.AddRow("Status", $"[{colour}]{Markup.Escape(view.Status)}[/]");
        table.AddRow("Source", Markup.Escape(view.Source ?? ""));
        if (view.IsReplay)
        {
            table.AddRow("Range", Markup.Escape($"{view.From} to {view.To}"));
            table.AddRow("Files", Invariant($"{view.FilesTotal} of those days, {view.FilesDone} read, {view.FilesIgnored} ignored (not YYYY/MM/DD/*.jsonl)"));
            table.AddRow("Records", Invariant($"{view.Records:N0} lines, {view.Errors:N0} errors, {view.LinesSkipped:N0} lines outside the range skipped"));
        }
        else
        {
            table.AddRow("Files", Invariant($"{view.FilesTotal} found, {view.FilesDone} ingested, {view.FilesSkipped} already ingested, {view.FilesIgnored} ignored (not YYYY/MM/DD/*.jsonl)"));
            table.AddRow("Records", Invariant($"{view.Records:N0} lines, {view.Errors:N0} errors"));
        }

        table.AddRow("Time", Invariant($"{view.Duration.TotalSeconds:0.0} s, {view.RecordsPerSecond:N0} records/s"));
        if (view.LastError is { Length: > 0 } error)
        {
            table.AddRow("Last error", Markup.Escape(error));
        }

        console.Write(table);
        if (view.Errors > 0)
        {
            console.MarkupLine("Error records: [bold]GET /api/ucp/error[/] (field [bold]source[/] names the file and line).");
        }
    }

    private static string Describe(BatchJobView view) => Markup.Escape(Invariant(
        $"files {view.FilesDone + view.FilesSkipped}/{view.FilesTotal}  records {view.Records:N0}  errors {view.Errors:N0}{(view.IsReplay ? Invariant($"  skipped {view.LinesSkipped:N0}") : "")}  {view.RecordsPerSecond:N0}/s"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
