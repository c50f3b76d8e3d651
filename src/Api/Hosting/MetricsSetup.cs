using OpenTelemetry.Metrics;

namespace Upt.Api.Hosting;

/// <summary>Prometheus metrics at <c>/metrics</c>: request latency by route (ASP.NET Core's meter) and the Orleans client's meters.</summary>
internal static class MetricsSetup
{
    public static WebApplicationBuilder AddUptMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.Orleans")
            .AddPrometheusExporter());
        return builder;
    }
}
