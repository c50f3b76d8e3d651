using System.Runtime.InteropServices;
using Upt.Cli.Bench;

namespace Upt.Cli.Commands;

/// <summary>
/// Runs a verb that starts a private local stack and ends with one result line (bench, match-eval): Ctrl-C or SIGTERM
/// stops it cleanly (everything it started is stopped), and failures become one line on stderr and exit code 1.
/// </summary>
internal static class MeasuredRun
{
    public static async Task<int> RunAsync(string verb, Func<CancellationToken, Task<string>> run)
    {
        using var stop = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => OnSignal(c, stop));
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => OnSignal(c, stop));
        try
        {
            Console.Out.WriteLine(await run(stop.Token));
            return 0;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.Error.WriteLine($"{verb}: interrupted; everything it started has been stopped");
            return 130;
        }
        catch (BenchFailedException ex)
        {
            Console.Error.WriteLine($"{verb}: failed: {ex.Message}");
            return 1;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Console.Error.WriteLine($"{verb}: error: {ex.GetType().Name}: {ex.Message}");
            return 1;
        }
    }

    private static void OnSignal(PosixSignalContext context, CancellationTokenSource stop)
    {
        if (stop.IsCancellationRequested)
        {
            // A second Ctrl-C while stopping: let the runtime end the process at once.
            return;
        }

        context.Cancel = true;
        stop.Cancel();
    }
}
