using Upt.Api.Endpoints;
using Orleans.Dashboard;
using Upt.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddUptClusterClient();
builder.AddUptMetrics();
builder.Services.AddOpenApi();
builder.Services.AddHealthChecks().AddCheck<ClusterClientHealthCheck>("cluster", tags: ["ready"]);

var app = builder.Build();
app.UseMiddleware<TransactionIdMiddleware>();
app.UseMiddleware<ClusterFailureMiddleware>();
app.MapOpenApi();
app.MapPrometheusScrapingEndpoint();
app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") });
app.MapAdminApi();
app.MapProfileApi();
app.MapErrorApi();
app.MapJobApi();
app.MapOrleansDashboard(routePrefix: "/dashboard");
app.Run();

/// <summary>Exposed for WebApplicationFactory-style tests.</summary>
public partial class Program;
