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
            // Re-read the live gateways often, so a silo that died stops being used as a gateway within seconds
            // of being declared dead (the default is one minute).
            client.Configure<Orleans.Configuration.GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
            // A request in flight to a silo that dies gets no answer; the API's reads are short, so give up after
            // 10 s (default 30 s) and let ClusterFailureMiddleware retry them once the grain lives elsewhere.
            client.Configure<Orleans.Configuration.ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
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
