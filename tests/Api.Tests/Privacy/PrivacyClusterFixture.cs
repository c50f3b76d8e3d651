using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Upt.DevInfra;
using Upt.Grains;
using Upt.TestSupport;

namespace Upt.Api.Tests.Privacy;

/// <summary>
/// A local OIDC issuer, one silo that backs up every consumed record into <see cref="BackupFolder"/>, the API as in
/// production, an Orleans client of the cluster (to watch change streams) and the database (the second witness beside
/// the API). Domain <see cref="Domain"/> exists, with rule-based and fuzzy matching on.
/// </summary>
public sealed class PrivacyClusterFixture : IAsyncLifetime
{
    private readonly OidcIssuerFixture _issuer = new();
    private LocalCluster? _cluster;
    private HttpClient? _http;
    private NpgsqlDataSource? _database;
    private IHost? _client;

    public string Domain { get; } = $"pv{Guid.NewGuid():N}"[..10];

    /// <summary>The silo's Backup:Target.</summary>
    public string BackupFolder { get; } = Directory.CreateTempSubdirectory("upt-privacy-backup").FullName;

    public LocalCluster Cluster => _cluster ?? throw new InvalidOperationException("not started");

    public HttpClient Api => _http ?? throw new InvalidOperationException("not started");

    public NpgsqlDataSource Database => _database ?? throw new InvalidOperationException("not started");

    /// <summary>An Orleans client of the cluster, with the change-stream provider.</summary>
    public IClusterClient Orleans => _client?.Services.GetRequiredService<IClusterClient>() ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync()
    {
        await _issuer.InitializeAsync();
        var options = new LocalClusterOptions { Silos = 1, Shards = 1, StreamName = $"pv-{Guid.NewGuid():N}"[..16] };
        options.SiloEnvironment["Backup__Target"] = BackupFolder;
        options.ApiEnvironment["Auth__Enabled"] = "true";
        options.ApiEnvironment["Auth__Authority"] = _issuer.Authority.ToString().TrimEnd('/');
        options.ApiEnvironment["Auth__Audience"] = AuthClusterFixture.Audience;
        options.ApiEnvironment["Auth__RequireHttpsMetadata"] = "false";
        _cluster = await LocalCluster.StartAsync(options);
        _http = new HttpClient { BaseAddress = _cluster.ApiUrl, Timeout = TimeSpan.FromSeconds(60) };
        _database = NpgsqlDataSource.Create(_cluster.PostgresConnectionString);
        _client = await ConnectAsync(_cluster);

        var answer = await ApiRequests.SendAsync(Api, ApiRequests.Request(HttpMethod.Post, "/api/ucp/admin", null, ApiRequests.CreateDomainBody(Domain)), await AdminTokenAsync());
        Assert.True(answer.Status == 200, $"creating {Domain}: {answer}");
    }

    /// <summary>A token of a global admin who also holds the domain's full data grant, with subject <paramref name="subject"/>.</summary>
    public Task<string> AdminTokenAsync(string? subject = null) => _issuer.TokenAsync(new DevTokenRequest
    {
        Groups = [AuthClusterFixture.GlobalAdmin, $"ucp-{Domain}-admin"],
        Audience = AuthClusterFixture.Audience,
        Subject = subject,
    });

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.StopAsync(TimeSpan.FromSeconds(10));
            _client.Dispose();
        }

        _http?.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        await _issuer.DisposeAsync();
        Directory.Delete(BackupFolder, recursive: true);
    }

    private static async Task<IHost> ConnectAsync(LocalCluster cluster)
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
        await host.StartAsync();
        return host;
    }
}
