using System.Diagnostics.Metrics;

namespace Upt.Grains.Errors;

/// <summary>Meter <c>Upt.Errors</c>: retries of error records by outcome (succeeded, failed, exhausted).</summary>
public static class ErrorRetryMetrics
{
    /// <summary>The meter name to export.</summary>
    public const string MeterName = "Upt.Errors";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Attempts to re-submit an error record's raw record, tagged <c>outcome</c>.</summary>
    internal static readonly Counter<long> Attempts = Meter.CreateCounter<long>("upt.errors.retry_attempts", "{attempt}", "Retries of error records by outcome");
}
