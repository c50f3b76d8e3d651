using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Upt.Cli.Bench;

/// <summary>
/// Waits until every object of the load is durable: polls the domain's object counter (written in the same
/// transaction as the rows) and stops early, with the errors, as soon as an error record appears.
/// </summary>
internal sealed class EndToEndWait(BenchDatabase database, ILogger logger)
{
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>When the first row was seen durable (from the watch's start); null before.</summary>
    public TimeSpan? FirstDurable { get; private set; }

    /// <summary>Returns the time from <paramref name="watch"/>'s start until <paramref name="expectedObjects"/> rows are durable.</summary>
    public async Task<TimeSpan> RunAsync(Stopwatch watch, long expectedObjects, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var lastReport = TimeSpan.Zero;
        var lastErrorCheck = TimeSpan.Zero;
        while (true)
        {
            var objects = await database.CountedObjectsAsync(cancellationToken);
            var elapsed = watch.Elapsed;
            if (objects > 0 && FirstDurable is null)
            {
                FirstDurable = elapsed;
            }

            if (objects >= expectedObjects)
            {
                return elapsed;
            }

            if (elapsed - lastErrorCheck > TimeSpan.FromSeconds(1))
            {
                lastErrorCheck = elapsed;
                if (await database.ErrorsAsync(cancellationToken) is > 0 and var errors)
                {
                    throw new BenchFailedException($"{errors} error records appeared while consuming: "
                        + string.Join(Environment.NewLine + "    ", ["", .. await database.SampleErrorsAsync(10, cancellationToken)]));
                }
            }

            if (elapsed > timeout)
            {
                throw new BenchFailedException($"only {objects} of {expectedObjects} objects were durable after {timeout.TotalSeconds:0} s");
            }

            if (elapsed - lastReport > TimeSpan.FromSeconds(5))
            {
                lastReport = elapsed;
                BenchLog.Durable(logger, objects, expectedObjects, elapsed.TotalSeconds);
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
