using System.Runtime.InteropServices;
using Spectre.Console;

namespace Upt.Cli.Batch;

/// <summary>
/// What `upt batch` and `upt replay` share: start a job through the API, show its progress until it ends, then a summary
/// table on stderr and one summary line on stdout. The job runs in a silo: Ctrl-C only stops watching.
/// </summary>
internal static class BatchJobWatch
{
    /// <summary>Exit code: 0 when the run succeeded, 1 when it failed, 2 when it could not start, 130 when watching was interrupted.</summary>
    /// <param name="verb">The verb, which prefixes every message.</param>
    /// <param name="apiUrl">The API.</param>
    /// <param name="token">Bearer token, when the API requires one.</param>
    /// <param name="domain">The job's domain.</param>
    /// <param name="jobName">The job's name (an object type or run-all-jobs).</param>
    /// <param name="start">Starts the run.</param>
    /// <param name="summaryLine">The final stdout line of a run.</param>
    public static async Task<int> RunAsync(string verb, Uri apiUrl, string? token, string domain, string jobName,
        Func<BatchApiClient, CancellationToken, Task<BatchJobView>> start, Func<BatchJobView, string> summaryLine)
    {
        using var stop = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c =>
        {
            c.Cancel = true;
            stop.Cancel();
        });
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        using var client = new BatchApiClient(apiUrl, token);
        BatchJobView started;
        try
        {
            started = await start(client, stop.Token);
        }
        catch (BatchApiException ex)
        {
            return Fail(verb, ex.Message, 2);
        }
        catch (HttpRequestException ex)
        {
            return Fail(verb, $"cannot reach the API at {apiUrl} ({ex.Message}); is `./upt run` running? (--api sets the URL)", 2);
        }
        catch (OperationCanceledException)
        {
            return Fail(verb, "interrupted before the job was started", 130);
        }

        var range = started.IsReplay ? $" (lines from {started.From} to {started.To})" : "";
        console.MarkupLine(Markup.Escape($"Run {started.RunId} of job {jobName} started in domain {domain}, reading {started.Source}{range}."));
        try
        {
            var final = await BatchProgressDisplay.ShowAsync(console, started, progress =>
                client.WaitAsync(domain, jobName, started.RunId ?? 0, TimeSpan.FromMilliseconds(500), progress, stop.Token));
            BatchProgressDisplay.Summarise(console, final);
            Console.Out.WriteLine(summaryLine(final));
            return final.Succeeded ? 0 : 1;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine($"{verb}: stopped watching. Run {started.RunId} keeps running in the silo; GET /api/ucp/jobs shows its progress.");
            return 130;
        }
        catch (Exception ex) when (ex is BatchApiException or HttpRequestException)
        {
            return Fail(verb, $"lost track of run {started.RunId} (it may still be running in the silo): {ex.Message}", 1);
        }
    }

    /// <summary>A folder is read by the silo, which does not share our working directory: send it absolute.</summary>
    public static string SourceText(string source) =>
        source.StartsWith("s3://", StringComparison.OrdinalIgnoreCase) || source.Contains("://", StringComparison.Ordinal) ? source : Path.GetFullPath(source);

    /// <summary>An absolute http(s) URL, or null.</summary>
    public static Uri? ParseUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;

    private static int Fail(string verb, string message, int code)
    {
        Console.Error.WriteLine($"{verb}: error: {message}");
        return code;
    }
}
