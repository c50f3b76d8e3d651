using Microsoft.Extensions.Options;
using Upt.Silo.Hosting;
using Upt.Storage;

// `--migrate-only` (the Kubernetes migration Job): apply the schema migrations and exit, without joining the cluster.
if (args.Contains("--migrate-only"))
{
    var migrate = Host.CreateApplicationBuilder(args.Where(a => a != "--migrate-only").ToArray());
    migrate.Services.AddUptStorage();
    using var migrateHost = migrate.Build();
    await migrateHost.Services.GetRequiredService<Migrator>().MigrateAsync();
    return 0;
}

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddUptStorage();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<MigrationState>();
builder.Services.AddHealthChecks().AddCheck<SiloReadinessCheck>("silo", tags: ["ready"]);
builder.AddUptSilo();
builder.AddUptMetrics();

var app = builder.Build();

// The clustering and storage tables must exist before the silo joins, so migrate before the host starts
// (unless Postgres:MigrateOnStart is false: then a migration Job has applied them).
if (app.Services.GetRequiredService<IOptions<PostgresOptions>>().Value.MigrateOnStart)
{
    await app.Services.GetRequiredService<Migrator>().MigrateAsync();
}

app.Services.GetRequiredService<MigrationState>().Done = true;

app.MapPrometheusScrapingEndpoint();
app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") });
await app.RunAsync();
return 0;
