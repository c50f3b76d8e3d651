using Upt.Silo.Hosting;
using Upt.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddUptStorage();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<MigrationState>();
builder.Services.AddHealthChecks().AddCheck<SiloReadinessCheck>("silo", tags: ["ready"]);
builder.AddUptSilo();

var app = builder.Build();

// The clustering and storage tables must exist before the silo joins, so migrate before the host starts.
await app.Services.GetRequiredService<Migrator>().MigrateAsync();
app.Services.GetRequiredService<MigrationState>().Done = true;

app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") });
await app.RunAsync();
