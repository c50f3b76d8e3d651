using Npgsql;
using Upt.DevInfra;
using Xunit;

namespace Upt.TestSupport;

/// <summary>
/// One private PostgreSQL server per test assembly (register with <c>[assembly: AssemblyFixture]</c>);
/// tests ask it for a fresh database so that nothing is shared between test classes.
/// </summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    private LocalPostgres? _server;
    private int _databases;

    /// <summary>The running server.</summary>
    public LocalPostgres Server => _server ?? throw new InvalidOperationException("Server not started");

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public Task<string> NewDatabaseAsync(string prefix = "t")
    {
        var name = $"{prefix}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}".ToLowerInvariant();
        name = name[..Math.Min(60, name.Length)];
        return Server.CreateDatabaseAsync(name);
    }

    public async ValueTask InitializeAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), "upt-test-pg", Guid.NewGuid().ToString("N"));
        _server = await LocalPostgres.StartAsync(dir, deleteOnDispose: true);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
