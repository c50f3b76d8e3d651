using Microsoft.Extensions.Logging;

namespace Upt.Cli.Bench;

/// <summary>Progress messages of <c>upt bench</c> (figures themselves are printed as the report, not logged).</summary>
internal static partial class BenchLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Phase} ...")]
    public static partial void Phase(ILogger logger, string phase);

    [LoggerMessage(Level = LogLevel.Information, Message = "  e2e: {Objects}/{Expected} objects durable after {Seconds:0.0} s")]
    public static partial void Durable(ILogger logger, long objects, long expected, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "  {Count} rows were already durable when the silo reported ready (started consuming during start-up)")]
    public static partial void DurableAtReady(ILogger logger, long count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "  only {Probes} latency probes (200 wanted): the feed had few new travellers")]
    public static partial void FewProbes(ILogger logger, int probes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "  the API did not answer for domain {Domain} yet; retrying")]
    public static partial void ApiNotReady(ILogger logger, string domain);
}
