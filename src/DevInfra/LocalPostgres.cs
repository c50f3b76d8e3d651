using Npgsql;

namespace Upt.DevInfra;

/// <summary>
/// A private PostgreSQL server: its own data folder and port, started with the Debian binaries and
/// stopped (fast shutdown) on dispose. Root cannot run postgres, so as root the server runs as the
/// <c>postgres</c> system user that the Debian package creates.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private readonly string _binDir;
    private readonly string? _runAs;
    private readonly bool _deleteOnDispose;

    private LocalPostgres(string dataDir, int port, string binDir, string? runAs, bool deleteOnDispose)
    {
        DataDirectory = dataDir;
        Port = port;
        _binDir = binDir;
        _runAs = runAs;
        _deleteOnDispose = deleteOnDispose;
    }

    /// <summary>The cluster's data folder.</summary>
    public string DataDirectory { get; }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>Connection string for a database on this server (superuser <c>postgres</c>, trust auth on loopback).</summary>
    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Database = database,
            Pooling = true,
            MaxPoolSize = 100,
        }.ConnectionString;

    /// <summary>
    /// Starts a server in <paramref name="dataDir"/> (created and initialised when empty) on <paramref name="port"/>
    /// (a free port when null). With <paramref name="deleteOnDispose"/> the folder is removed on dispose.
    /// </summary>
    public static async Task<LocalPostgres> StartAsync(string dataDir, int? port = null, bool deleteOnDispose = false)
    {
        var binDir = FindBinDir();
        var runAs = Environment.UserName == "root" ? "postgres" : null;
        Directory.CreateDirectory(dataDir);
        var pg = new LocalPostgres(Path.GetFullPath(dataDir), port ?? FreePort.Next(), binDir, runAs, deleteOnDispose);
        await pg.InitAndStartAsync();
        return pg;
    }

    /// <summary>Creates a database if it does not exist yet and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var conn = new NpgsqlConnection(ConnectionString());
        await conn.OpenAsync();
        await using (var check = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", conn))
        {
            check.Parameters.AddWithValue("n", name);
            if (await check.ExecuteScalarAsync() is not null)
            {
                return ConnectionString(name);
            }
        }

        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"")}\"", conn);
        await create.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    private async Task InitAndStartAsync()
    {
        if (_runAs is not null)
        {
            await ProcessRunner.RunAsync("chown", ["-R", $"{_runAs}:", DataDirectory]);
            // The parent folders must be traversable by the server's user.
            for (var dir = Directory.GetParent(DataDirectory); dir is not null; dir = dir.Parent)
            {
                File.SetUnixFileMode(dir.FullName, File.GetUnixFileMode(dir.FullName) | UnixFileMode.OtherExecute);
            }
        }

        // A server left running by a killed `upt run` holds this folder; stop it so that this start succeeds.
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            try
            {
                await ProcessRunner.RunAsync(Path.Combine(_binDir, "pg_ctl"), ["-D", DataDirectory, "status"], _runAs);
                await ProcessRunner.RunAsync(Path.Combine(_binDir, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"], _runAs);
            }
            catch (InvalidOperationException)
            {
                // Not running: the pid file is stale and the server removes it on start.
            }
        }

        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            await ProcessRunner.RunAsync(Path.Combine(_binDir, "initdb"),
                ["-D", DataDirectory, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"], _runAs);
        }

        // Unix sockets go into the data folder so that parallel servers never collide on /var/run.
        var options = $"-p {Port} -k {DataDirectory} -c listen_addresses=127.0.0.1 -c fsync=on " +
                      "-c max_connections=300 -c shared_buffers=512MB -c synchronous_commit=on " +
                      "-c wal_level=minimal -c max_wal_senders=0 -c max_wal_size=2GB";
        var serverLog = Path.Combine(DataDirectory, "server.log");
        try
        {
            // A loaded machine (several test clusters starting at once) can take well over a minute to recover and start.
            await ProcessRunner.RunAsync(Path.Combine(_binDir, "pg_ctl"),
                ["-D", DataDirectory, "-o", options, "-l", serverLog, "-w", "-t", "180", "start"], _runAs);
        }
        catch (InvalidOperationException ex) when (File.Exists(serverLog))
        {
            // pg_ctl only says "could not start server"; the reason is in the server's own log.
            var tail = string.Join(Environment.NewLine, File.ReadLines(serverLog).TakeLast(20));
            throw new InvalidOperationException($"{ex.Message}{Environment.NewLine}server.log (last lines):{Environment.NewLine}{tail}", ex);
        }
    }

    /// <summary>Stops the server (fast shutdown) and removes the folder if asked to.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await ProcessRunner.RunAsync(Path.Combine(_binDir, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"], _runAs);
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        if (_deleteOnDispose)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static string FindBinDir()
    {
        if (Environment.GetEnvironmentVariable("UPT_PG_BIN") is { Length: > 0 } fromEnv)
        {
            return fromEnv;
        }

        const string root = "/usr/lib/postgresql";
        if (Directory.Exists(root))
        {
            var newest = Directory.GetDirectories(root)
                .Select(d => (dir: d, ok: int.TryParse(Path.GetFileName(d), out var v), v))
                .Where(x => x.ok && File.Exists(Path.Combine(x.dir, "bin", "pg_ctl")))
                .OrderByDescending(x => x.v)
                .FirstOrDefault();
            if (newest.dir is not null)
            {
                return Path.Combine(newest.dir, "bin");
            }
        }

        throw new InvalidOperationException("PostgreSQL server binaries not found (apt-get install postgresql), or set UPT_PG_BIN.");
    }
}
