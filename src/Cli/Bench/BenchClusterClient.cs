using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Upt.DevInfra;
using Upt.Grains;

namespace Upt.Cli.Bench;

/// <summary>An Orleans client of the local cluster, configured as the API's is (ADO.NET clustering on its PostgreSQL).</summary>
internal sealed class BenchClusterClient : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchClusterClient(IHost host)
    {
        _host = host;
        Client = host.Services.GetRequiredService<IClusterClient>();
    }

    public IClusterClient Client { get; }

    /// <summary>Connects (the host start returns once a gateway answered).</summary>
    public static async Task<BenchClusterClient> ConnectAsync(LocalCluster cluster, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
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
                o.ConnectionString = cluster.PostgresConnectionString;
            });
            client.AddMemoryStreams(ChangeStreams.ProviderName);
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new BenchClusterClient(host);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            _host.Dispose();
        }
    }
}
