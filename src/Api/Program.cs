using Upt.Api.Auth;
using Upt.Api.DataPermissions;
using Upt.Api.Endpoints;
using Orleans.Dashboard;
using Upt.Api.Hosting;
using Upt.Api.Summaries;

var builder = WebApplication.CreateBuilder(args);
builder.AddUptClusterClient();
builder.AddUptMetrics();
builder.AddUptAuth();
builder.AddUptProfileSummaries();
builder.AddUptDataPermissions();
builder.Services.AddOpenApi(o => o.AddOperationTransformer<Upt.Api.OpenApi.UcpOperationTransformer>());
builder.Services.AddHealthChecks().AddCheck<ClusterClientHealthCheck>("cluster", tags: ["ready"]);

var app = builder.Build();
app.UseMiddleware<TransactionIdMiddleware>();
app.UseMiddleware<ClusterFailureMiddleware>();
app.UseUptAuth();
// Anonymous: the API description holds no data; /metrics is scraped from inside the cluster (the Ingress does not
// publish it) and carries counts only; probes cannot send tokens.
app.MapOpenApi().AllowAnonymous();
app.MapPrometheusScrapingEndpoint().AllowAnonymous();
app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
app.MapAdminApi();
app.MapProfileApi();
app.MapMergeApi();
app.MapMatchImportApi();
app.MapInteractionHistoryApi();
app.MapErrorApi();
app.MapJobApi();
app.MapRuleSetApi();
app.MapCacheRuleSetApi();
app.MapAwsOnlyApi();
app.MapPortalConfigApi();
app.MapPromptConfigApi();
app.MapProfileSummaryApi();
app.MapErrorMaintenanceApi();
app.MapAsyncApi();
app.MapPrivacyApi();
app.MapDataPermissionApi();
app.MapOrleansDashboard(routePrefix: "/dashboard").RequireDashboardAccess(app.Environment);
app.Run();

/// <summary>Exposed for WebApplicationFactory-style tests.</summary>
public partial class Program;
