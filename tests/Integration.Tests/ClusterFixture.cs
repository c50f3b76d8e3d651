using Npgsql;
using Upt.DevInfra;

namespace Upt.Integration.Tests;

/// <summary>
/// A whole local Upt (private PostgreSQL, kinesalite with a fresh stream, one silo and the API as real processes from
/// the Release build) shared by the tests of a class or collection. Each test uses its own domain.
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    private LocalCluster? _cluster;
    private NpgsqlDataSource? _database;
    private UptApi? _api;

    /// <summary>The running cluster.</summary>
    public LocalCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not started");

    /// <summary>The API of the cluster.</summary>
    public UptApi Api => _api ?? throw new InvalidOperationException("The cluster is not started");

    /// <summary>Direct reads of the Upt database: the second witness beside the API.</summary>
    public UptDatabase Database => new(_database ?? throw new InvalidOperationException("The cluster is not started"));

    /// <summary>How long the cluster took to start.</summary>
    public TimeSpan StartTime { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        _cluster = await LocalCluster.StartAsync(CreateOptions());
        StartTime = watch.Elapsed;
        _database = NpgsqlDataSource.Create(_cluster.PostgresConnectionString);
        _api = new UptApi(_cluster.ApiUrl);
    }

    /// <summary>The cluster to start: one silo and four shards unless a derived fixture says otherwise.</summary>
    protected virtual LocalClusterOptions CreateOptions() => new()
    {
        Silos = 1,
        Shards = 4,
        StreamName = $"it-{Guid.NewGuid():N}"[..16],
    };

    public async ValueTask DisposeAsync()
    {
        _api?.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        if (_cluster is not null)
        {
            // The cluster deletes its data folder on dispose; keep the silo and API logs for a look after a failure.
            CopyLogs(_cluster.LogDirectory, Path.Combine(Path.GetTempPath(), "upt-integration-logs", _cluster.StreamName));
            await _cluster.DisposeAsync();
        }
    }

    private static void CopyLogs(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.Exists(from) ? Directory.GetFiles(from) : [])
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }
    }

    /// <summary>The end of the silo's log, for failure messages.</summary>
    public string SiloLogTail(int lines = 30) => LogTail.Read(Cluster.Silos[0].LogFile, lines);
}

/// <summary>Test classes in this collection share one cluster (their tests use separate domains).</summary>
[CollectionDefinition(Name)]
public sealed class SharedClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Shared cluster";
}
