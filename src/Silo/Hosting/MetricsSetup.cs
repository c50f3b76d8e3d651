using OpenTelemetry.Metrics;
using Upt.Grains.Ingest;

namespace Upt.Silo.Hosting;

/// <summary>
/// Prometheus metrics at <c>/metrics</c>: Kinesis records read and lag per shard, what ingestion made durable or
/// rejected, Orleans runtime meters (activations, calls), ASP.NET Core's own (health endpoints), and the .NET runtime's
/// (GC collections, pause time and bytes allocated, JIT, thread pool), which is what CPU spent per object mostly is.
/// </summary>
internal static class MetricsSetup
{
    public const string KinesisMeter = "Upt.Kinesis";

    /// <summary>The runtime's built-in meter (.NET 9+).</summary>
    public const string RuntimeMeter = "System.Runtime";

    public static WebApplicationBuilder AddUptMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(KinesisMeter, IngestMetrics.MeterName, Upt.Grains.Fuzzy.FuzzyMetrics.MeterName, Upt.Grains.Errors.ErrorRetryMetrics.MeterName, "Microsoft.Orleans", "Microsoft.AspNetCore.Hosting", RuntimeMeter)
            .AddPrometheusExporter());
        return builder;
    }
}
