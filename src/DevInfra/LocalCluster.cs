using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Upt.Kinesis;

namespace Upt.DevInfra;

/// <summary>
/// Upt on one machine: a private PostgreSQL, kinesalite with the input stream, N silos and the API, each a real process.
/// Used by <c>upt run</c>, the integration tests and the bench. Dispose stops everything in reverse order of start.
/// </summary>
public sealed partial class LocalCluster : IAsyncDisposable
{
    /// <summary>The region the local stream lives in (kinesalite ignores it, but SigV4 signs with it).</summary>
    public const string Region = "us-east-1";

    private readonly LocalClusterOptions _options;
    private readonly ILogger _logger;
    private readonly bool _ownsDataDirectory;
    private readonly List<LocalSilo> _silos = [];
    private LocalPostgres? _postgres;
    private LocalKinesalite? _kinesalite;
    private LocalOidcIssuer? _devIssuer;
    private UptProcess? _api;
    private int _disposed;

    private LocalCluster(LocalClusterOptions options, string dataDirectory, bool ownsDataDirectory, ILogger logger)
    {
        _options = options;
        _logger = logger;
        DataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
    }

    /// <summary>
    /// Dummy AWS credentials for kinesalite: it accepts any signature, but the clients refuse to send unsigned requests.
    /// </summary>
    public static StaticCredentialsProvider Credentials { get; } = new("local", "local");

    /// <summary>The folder holding <c>pg</c> and <c>logs</c>.</summary>
    public string DataDirectory { get; }

    /// <summary>The folder of the silo and API log files.</summary>
    public string LogDirectory => Path.Combine(DataDirectory, "logs");

    /// <summary>Connection string of the Upt database.</summary>
    public string PostgresConnectionString { get; private set; } = "";

    /// <summary>The kinesalite endpoint.</summary>
    public Uri KinesisEndpoint => (_kinesalite ?? throw new InvalidOperationException("kinesalite is not running")).Endpoint;

    /// <summary>The Kinesis stream the silos read.</summary>
    public string StreamName => _options.StreamName;

    /// <summary>Shards the stream was created with.</summary>
    public int Shards => _options.Shards;

    /// <summary>The Orleans cluster id.</summary>
    public string ClusterId => _options.ClusterId;

    /// <summary>The Orleans service id.</summary>
    public string ServiceId => _options.ServiceId;

    /// <summary>The silo slots, running or not.</summary>
    public IReadOnlyList<LocalSilo> Silos => _silos;

    /// <summary>The API process; null when the options said not to start it.</summary>
    public UptProcess? Api => _api;

    /// <summary>The local token issuer the API trusts; null unless <see cref="LocalClusterOptions.DevelopmentAuth"/>.</summary>
    public LocalOidcIssuer? DevIssuer => _devIssuer;

    /// <summary>The API's base address.</summary>
    public Uri ApiUrl => (_api ?? throw new InvalidOperationException("The API was not started")).HttpUrl;

    /// <summary>Starts PostgreSQL, kinesalite (creating the stream), the silos and the API; on failure stops what did start.</summary>
    /// <exception cref="FileNotFoundException">The Release build of the silo or API is missing.</exception>
    public static async Task<LocalCluster> StartAsync(LocalClusterOptions options, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        // Fail before starting servers when the build is missing: that is the usual mistake and the cheapest to report.
        if (options.Silos > 0)
        {
            UptBuildOutput.AssemblyPath(UptApp.Silo, options.Configuration);
        }

        if (options.StartApi)
        {
            UptBuildOutput.AssemblyPath(UptApp.Api, options.Configuration);
        }

        var owns = options.DataDirectory is null;
        var dataDirectory = Path.GetFullPath(options.DataDirectory ?? Path.Combine(Path.GetTempPath(), "upt-cluster", Guid.NewGuid().ToString("N")));
        var cluster = new LocalCluster(options, dataDirectory, owns, logger ?? NullLogger.Instance);
        try
        {
            await cluster.StartAllAsync(cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A Kinesis client for the local endpoint (the caller disposes it).</summary>
    public KinesisClient CreateKinesisClient() =>
        new(new KinesisClientOptions { ServiceUrl = KinesisEndpoint, Region = Region }, credentials: Credentials);

    /// <summary>Crashes silo <paramref name="index"/> (SIGKILL) and waits until the process is gone.</summary>
    public async Task KillSiloAsync(int index)
    {
        var silo = _silos[index];
        if (silo.Process is { } process)
        {
            process.Kill();
            await process.WaitForExitAsync(TimeSpan.FromSeconds(30));
            await process.DisposeAsync();
            silo.Process = null;
        }
    }

    /// <summary>Stops silo <paramref name="index"/> gracefully (SIGTERM, then SIGKILL after <paramref name="grace"/>).</summary>
    public async Task StopSiloAsync(int index, TimeSpan? grace = null)
    {
        var silo = _silos[index];
        if (silo.Process is { } process)
        {
            await process.StopAsync(grace);
            await process.DisposeAsync();
            silo.Process = null;
        }
    }

    /// <summary>(Re)starts silo <paramref name="index"/> on its ports and waits until it is ready.</summary>
    public async Task StartSiloAsync(int index, CancellationToken cancellationToken = default)
    {
        var silo = _silos[index];
        if (silo.IsRunning)
        {
            throw new InvalidOperationException($"{silo.Name} is already running");
        }

        if (silo.Process is { } exited)
        {
            await exited.DisposeAsync();
        }

        silo.Process = await UptProcess.StartAsync(new UptProcessOptions
        {
            App = UptApp.Silo,
            Name = silo.Name,
            HttpPort = silo.HttpPort,
            LogFile = silo.LogFile,
            Configuration = _options.Configuration,
            ReadyTimeout = _options.ReadyTimeout,
            Environment = SiloEnvironment(silo),
        }, _logger, cancellationToken);
        LeftoverProcesses.Record(PidFile, silo.Process.ProcessId);
    }

    /// <summary>Stops the API, the silos (last started first), kinesalite and PostgreSQL; deletes a temporary data folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (_api is not null)
        {
            await Try("api", () => _api.DisposeAsync().AsTask());
        }

        for (var i = _silos.Count - 1; i >= 0; i--)
        {
            if (_silos[i].Process is { } process)
            {
                await Try(_silos[i].Name, () => process.DisposeAsync().AsTask());
                _silos[i].Process = null;
            }
        }

        if (_devIssuer is not null)
        {
            await Try("dev issuer", () => _devIssuer.DisposeAsync().AsTask());
        }

        if (_kinesalite is not null)
        {
            await Try("kinesalite", () => _kinesalite.DisposeAsync().AsTask());
        }

        if (_postgres is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await Try("postgres", () => _postgres.DisposeAsync().AsTask());
        }

        if (_ownsDataDirectory)
        {
            await Try("data folder", () =>
            {
                if (Directory.Exists(DataDirectory))
                {
                    Directory.Delete(DataDirectory, recursive: true);
                }

                return Task.CompletedTask;
            });
        }

        if (!_ownsDataDirectory)
        {
            File.Delete(PidFile);
        }

        Log.Stopped(_logger);
    }

    private string PidFile => Path.Combine(DataDirectory, "processes.pid");

    private async Task StartAllAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(DataDirectory);
        if (LeftoverProcesses.KillRecorded(PidFile) is > 0 and var killed)
        {
            Log.LeftoversKilled(_logger, killed);
        }

        // Logs of the previous run would mix with this one's; PostgreSQL data is what persists.
        if (Directory.Exists(LogDirectory))
        {
            Directory.Delete(LogDirectory, recursive: true);
        }

        Directory.CreateDirectory(LogDirectory);

        _postgres = await LocalPostgres.StartAsync(Path.Combine(DataDirectory, "pg"));
        PostgresConnectionString = await _postgres.CreateDatabaseAsync(_options.Database);
        Log.PostgresStarted(_logger, _postgres.Port, _postgres.DataDirectory);

        _kinesalite = await LocalKinesalite.StartAsync();
        LeftoverProcesses.Record(PidFile, _kinesalite.ProcessId);
        using (var kinesis = CreateKinesisClient())
        {
            await kinesis.CreateStreamAsync(StreamName, _options.Shards, cancellationToken);
            await kinesis.WaitForActiveAsync(StreamName, TimeSpan.FromSeconds(30), cancellationToken);
        }

        Log.KinesisStarted(_logger, KinesisEndpoint, StreamName, _options.Shards);

        for (var i = 0; i < _options.Silos; i++)
        {
            _silos.Add(new LocalSilo(i, FreePort.Next(), FreePort.Next(), FreePort.Next(), Path.Combine(LogDirectory, $"silo-{i}.log")));
        }

        // The first silo alone: it applies the schema migrations and founds the cluster; the others then join in parallel.
        if (_silos.Count > 0)
        {
            await StartSiloAsync(0, cancellationToken);
            await Task.WhenAll(_silos.Skip(1).Select(s => StartSiloAsync(s.Index, cancellationToken)));
        }

        if (_options.StartApi && _options.DevelopmentAuth)
        {
            _devIssuer = await LocalOidcIssuer.StartAsync(_options.DevIssuerPort);
            LeftoverProcesses.Record(PidFile, _devIssuer.ProcessId);
            Log.DevIssuerStarted(_logger, _devIssuer.Authority);
        }

        if (_options.StartApi)
        {
            _api = await UptProcess.StartAsync(new UptProcessOptions
            {
                App = UptApp.Api,
                Name = "api",
                HttpPort = _options.ApiPort ?? FreePort.Next(),
                LogFile = Path.Combine(LogDirectory, "api.log"),
                Configuration = _options.Configuration,
                ReadyTimeout = _options.ReadyTimeout,
                Environment = ApiEnvironment(),
            }, _logger, cancellationToken);
            LeftoverProcesses.Record(PidFile, _api.ProcessId);
        }
    }

    private Dictionary<string, string> SiloEnvironment(LocalSilo silo)
    {
        var env = new Dictionary<string, string>
        {
            ["Postgres__ConnectionString"] = PostgresConnectionString,
            ["Orleans__ClusterId"] = ClusterId,
            ["Orleans__ServiceId"] = ServiceId,
            ["Orleans__SiloPort"] = Invariant(silo.SiloPort),
            ["Orleans__GatewayPort"] = Invariant(silo.GatewayPort),
            ["Orleans__AdvertisedIPAddress"] = "127.0.0.1",
            ["Kinesis__StreamName"] = StreamName,
            ["Kinesis__ServiceUrl"] = KinesisEndpoint.ToString(),
            ["Kinesis__Region"] = Region,
            // One Orleans queue per shard: each shard is read by exactly one pulling agent.
            ["Kinesis__QueueCount"] = Invariant(_options.Shards),
            // The silo's Kinesis client signs every request even against kinesalite.
            ["AWS_ACCESS_KEY_ID"] = "local",
            ["AWS_SECRET_ACCESS_KEY"] = "local",
            ["AWS_REGION"] = Region,
        };
        foreach (var (key, value) in _options.SiloEnvironment)
        {
            env[key] = value;
        }

        return env;
    }

    private Dictionary<string, string> ApiEnvironment()
    {
        var env = new Dictionary<string, string>
        {
            ["Postgres__ConnectionString"] = PostgresConnectionString,
            ["Orleans__ClusterId"] = ClusterId,
            ["Orleans__ServiceId"] = ServiceId,
        };
        if (_devIssuer is not null)
        {
            env["Auth__Development__Enabled"] = "true";
            env["Auth__Development__Authority"] = _devIssuer.Authority.ToString().TrimEnd('/');
            env["Auth__Development__Audience"] = LocalOidcIssuer.DefaultAudience;
        }
        else
        {
            // The API's own default is auth on (production). Tests, the bench and smoke runs that do not test auth
            // call the API without tokens; tests that do set Auth__* through ApiEnvironment, which wins.
            env["Auth__Enabled"] = "false";
        }

        foreach (var (key, value) in _options.ApiEnvironment)
        {
            env[key] = value;
        }

        return env;
    }

    private async Task Try(string what, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Keep stopping the rest: one part failing to stop must not leave the others running.
            Log.StopFailed(_logger, what, ex);
        }
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL on port {Port}, data in {DataDirectory}")]
        public static partial void PostgresStarted(ILogger logger, int port, string dataDirectory);

        [LoggerMessage(Level = LogLevel.Information, Message = "kinesalite at {Endpoint}, stream {Stream} with {Shards} shards")]
        public static partial void KinesisStarted(ILogger logger, Uri endpoint, string stream, int shards);

        [LoggerMessage(Level = LogLevel.Information, Message = "Development token issuer at {Authority}")]
        public static partial void DevIssuerStarted(ILogger logger, Uri authority);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Killed {Count} processes left running by an earlier run")]
        public static partial void LeftoversKilled(ILogger logger, int count);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping {What} failed")]
        public static partial void StopFailed(ILogger logger, string what, Exception exception);

        [LoggerMessage(Level = LogLevel.Information, Message = "Local cluster stopped")]
        public static partial void Stopped(ILogger logger);
    }
}
