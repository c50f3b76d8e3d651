using OpenTelemetry.Metrics;
using Upt.Grains.Ingest;

namespace Upt.Silo.Hosting;

/// <summary>
/// Prometheus metrics at <c>/metrics</c>: Kinesis records read and lag per shard, what ingestion made durable or
/// rejected, Orleans runtime meters (activations, calls), and ASP.NET Core's own (health endpoints).
/// </summary>
internal static class MetricsSetup
{
    public const string KinesisMeter = "Upt.Kinesis";

    public static WebApplicationBuilder AddUptMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(KinesisMeter, IngestMetrics.MeterName, "Microsoft.Orleans", "Microsoft.AspNetCore.Hosting")
            .AddPrometheusExporter());
        return builder;
    }
}
