using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using Upt.Grains;

namespace Upt.Api.Hosting;

/// <summary>The API is an Orleans client of the silo cluster, found through ADO.NET clustering on PostgreSQL.</summary>
internal static class OrleansClientSetup
{
    public static WebApplicationBuilder AddUptClusterClient(this WebApplicationBuilder builder)
    {
        var cluster = builder.Configuration.GetSection("Orleans").Get<UptClusterOptions>() ?? new UptClusterOptions();
        var connectionString = builder.Configuration["Postgres:ConnectionString"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new OptionsValidationException("Postgres", typeof(string), ["Postgres:ConnectionString is required (the cluster membership table lives there)."]);
        }

        builder.Services.AddSingleton<IClientConnectionRetryFilter, RetryUntilConnected>();
        builder.UseOrleansClient(client =>
        {
            client.Configure<Orleans.Configuration.ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = connectionString;
            });
            client.AddMemoryStreams(ChangeStreams.ProviderName);
            client.AddDashboard();
        });
        return builder;
    }
}
