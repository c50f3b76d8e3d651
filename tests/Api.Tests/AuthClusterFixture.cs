using System.Text.Json.Nodes;
using Upt.DevInfra;
using Upt.Feed.Synthetic;
using Upt.TestSupport;

namespace Upt.Api.Tests;

/// <summary>
/// A local OIDC issuer, one silo and two API processes: <see cref="Api"/> as in production (Auth:Authority = the
/// issuer, environment Production) and <see cref="DevApi"/> as <c>./upt run</c> starts it (environment Development,
/// Auth:Development). Domains <see cref="Domain"/>, <see cref="Domain2"/> (its name plus "2") and <see cref="DomainX"/>
/// (plus "_x") exist; <see cref="Domain"/> holds one profile, <see cref="ConnectId"/>.
/// </summary>
public sealed class AuthClusterFixture : IAsyncLifetime
{
    /// <summary>The audience the production-like API expects.</summary>
    public const string Audience = "upt-api-tests";

    public const string GlobalAdmin = "app-global-adminRole/ffffffff";

    /// <summary>The group every domain starts with, holding its full data grant <c>*/*</c> (app groups grant no data).</summary>
    public static string DataAdmin(string domain) => $"ucp-{domain}-admin";

    private readonly OidcIssuerFixture _issuer = new();
    private LocalCluster? _cluster;
    private UptProcess? _devApi;
    private HttpClient? _http;
    private HttpClient? _devHttp;
    private int _jobs;

    public string Domain { get; } = $"az{Guid.NewGuid():N}"[..10];

    public string Domain2 => Domain + "2";

    public string DomainX => Domain + "_x";

    /// <summary>The traveller id of the one profile in <see cref="Domain"/>.</summary>
    public string TravellerId { get; private set; } = "";

    /// <summary>The connect id of the one profile in <see cref="Domain"/>.</summary>
    public string ConnectId { get; private set; } = "";

    /// <summary>The pair <see cref="PrepareMergedPairAsync"/> merged last: its survivor and the absorbed traveller.</summary>
    public (string Survivor, string Traveller) PairToUnmerge { get; private set; }

    public OidcIssuerFixture Issuer => _issuer;

    /// <summary>An empty folder that batch jobs of the tests read.</summary>
    public string BatchFolder { get; } = Path.Combine(Path.GetTempPath(), "upt-api-tests", Guid.NewGuid().ToString("N"));

    /// <summary>A batch job name no earlier call of this fixture used (jobs over one type run one at a time).</summary>
    public string NextJobName() => Grains.BatchJobs.ObjectTypes[Interlocked.Increment(ref _jobs) % Grains.BatchJobs.ObjectTypes.Count];

    public LocalCluster Cluster => _cluster ?? throw new InvalidOperationException("not started");

    /// <summary>The production-like API.</summary>
    public HttpClient Api => _http ?? throw new InvalidOperationException("not started");

    /// <summary>The API as <c>./upt run</c> starts it (Development environment, dev issuer).</summary>
    public HttpClient DevApi => _devHttp ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(BatchFolder);
        await _issuer.InitializeAsync();
        var options = new LocalClusterOptions { Silos = 1, Shards = 1, StreamName = $"auth-{Guid.NewGuid():N}"[..16] };
        options.ApiEnvironment["Auth__Enabled"] = "true";
        options.ApiEnvironment["Auth__Authority"] = Authority;
        options.ApiEnvironment["Auth__Audience"] = Audience;
        options.ApiEnvironment["Auth__RequireHttpsMetadata"] = "false";
        _cluster = await LocalCluster.StartAsync(options);
        _http = new HttpClient { BaseAddress = _cluster.ApiUrl, Timeout = TimeSpan.FromSeconds(60) };

        _devApi = await StartApiAsync("api-dev", new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Auth__Development__Enabled"] = "true",
            ["Auth__Development__Authority"] = Authority,
        });
        _devHttp = new HttpClient { BaseAddress = _devApi.HttpUrl, Timeout = TimeSpan.FromSeconds(60) };

        var admin = await TokenAsync(GlobalAdmin);
        foreach (var domain in new[] { Domain, Domain2, DomainX })
        {
            await CreateDomainAsync(domain, admin);
        }

        await IngestOneProfileAsync(await TokenAsync(GlobalAdmin, DataAdmin(Domain)));
    }

    /// <summary>The issuer URL without a trailing slash.</summary>
    public string Authority => _issuer.Authority.ToString().TrimEnd('/');

    /// <summary>Starts one more API process of the cluster with <paramref name="environment"/> on top of the cluster settings.</summary>
    public Task<UptProcess> StartApiAsync(string name, IReadOnlyDictionary<string, string> environment)
    {
        var env = new Dictionary<string, string>
        {
            ["Postgres__ConnectionString"] = Cluster.PostgresConnectionString,
            ["Orleans__ClusterId"] = Cluster.ClusterId,
            ["Orleans__ServiceId"] = Cluster.ServiceId,
        };
        foreach (var (key, value) in environment)
        {
            env[key] = value;
        }

        return UptProcess.StartAsync(new UptProcessOptions
        {
            App = UptApp.Api,
            Name = name,
            HttpPort = FreePort.Next(),
            LogFile = Path.Combine(Cluster.LogDirectory, $"{name}.log"),
            Environment = env,
            ReadyTimeout = TimeSpan.FromMinutes(1),
        });
    }

    /// <summary>A token for the production-like API (its audience) with <paramref name="groups"/>.</summary>
    public Task<string> TokenAsync(params string[] groups) =>
        _issuer.TokenAsync(new DevTokenRequest { Groups = groups, Audience = Audience });

    /// <summary>A token shaped by <paramref name="request"/> (audience, lifetime, issuer...).</summary>
    public Task<string> TokenAsync(DevTokenRequest request) => _issuer.TokenAsync(request, TestContext.Current.CancellationToken);

    /// <summary>Creates <paramref name="domain"/> with <paramref name="token"/>; fails the test on any answer but 200.</summary>
    public async Task CreateDomainAsync(string domain, string token)
    {
        var answer = await ApiRequests.SendAsync(Api, ApiRequests.Request(HttpMethod.Post, "/api/ucp/admin", null, ApiRequests.CreateDomainBody(domain)), token);
        Assert.True(answer.Status == 200, $"creating {domain}: {answer}");
    }

    /// <summary>Ingests two travellers into <paramref name="domain"/> that the rules merge, for <see cref="PairToUnmerge"/>.</summary>
    public async Task PrepareMergedPairAsync(string domain)
    {
        var admin = await TokenAsync(GlobalAdmin, DataAdmin(domain));
        var pair = await Travellers.IngestMergedPairAsync(this, domain, admin);
        var absorbed = await MergeRequests.AbsorbedAsync(this, domain, pair, admin);
        PairToUnmerge = (pair.Survivor, absorbed.Traveller);
    }

    private async Task IngestOneProfileAsync(string admin)
    {
        var envelope = new SyntheticTrafficGenerator(7, Domain).Generate(200).First(e => e.ObjectType == "pax_profile");
        TravellerId = JsonNode.Parse(envelope.EnvelopeJson)!["data"]!["id"]!.GetValue<string>();
        using (var kinesis = Cluster.CreateKinesisClient())
        {
            await kinesis.PutRecordAsync(Cluster.StreamName, envelope.EnvelopeJson, envelope.PartitionKey);
        }

        var path = $"/api/ucp/profile?travellerId={Uri.EscapeDataString(TravellerId)}";
        var found = await Eventually.WaitAsync(
            () => ApiRequests.SendAsync(Api, ApiRequests.Request(HttpMethod.Get, path, Domain), admin),
            a => a.Status == 200 && a.Json?["profiles"] is JsonArray { Count: > 0 },
            TimeSpan.FromMinutes(2),
            "the ingested profile to be searchable");
        ConnectId = found.Json!["profiles"]![0]!["connectId"]!.GetValue<string>();
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        _devHttp?.Dispose();
        if (_devApi is not null)
        {
            await _devApi.DisposeAsync();
        }

        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        await _issuer.DisposeAsync();
        Directory.Delete(BatchFolder, recursive: true);
    }
}
