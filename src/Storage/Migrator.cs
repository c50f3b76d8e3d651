using System.Reflection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Upt.Storage;

/// <summary>
/// Applies the SQL scripts embedded under <c>Migrations/</c> in name order, each once, recording them in
/// <c>upt_schema_migrations</c>. A session advisory lock makes concurrent silos safe: the first applies, the others wait and skip.
/// </summary>
public sealed partial class Migrator(NpgsqlDataSource dataSource, ILogger<Migrator> logger)
{
    private const long AdvisoryLockKey = 0x5570_7453_6368_656D; // "UptSchem"

    /// <summary>The embedded scripts, in the order they are applied.</summary>
    public static IReadOnlyList<(string Name, string Sql)> Scripts { get; } = LoadScripts();

    /// <summary>Applies every script not applied yet.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var lockCmd = new NpgsqlCommand("SELECT pg_advisory_lock(@k)", conn))
        {
            lockCmd.Parameters.AddWithValue("k", AdvisoryLockKey);
            await lockCmd.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await using (var init = new NpgsqlCommand(
                "CREATE TABLE IF NOT EXISTS upt_schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())", conn))
            {
                await init.ExecuteNonQueryAsync(cancellationToken);
            }

            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var list = new NpgsqlCommand("SELECT name FROM upt_schema_migrations", conn))
            await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    applied.Add(reader.GetString(0));
                }
            }

            foreach (var (name, sql) in Scripts)
            {
                if (applied.Contains(name))
                {
                    continue;
                }

                await using var tx = await conn.BeginTransactionAsync(cancellationToken);
                await using (var apply = new NpgsqlCommand(sql, conn, tx))
                {
                    await apply.ExecuteNonQueryAsync(cancellationToken);
                }

                await using (var record = new NpgsqlCommand("INSERT INTO upt_schema_migrations(name) VALUES (@n)", conn, tx))
                {
                    record.Parameters.AddWithValue("n", name);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await tx.CommitAsync(cancellationToken);
                LogApplied(logger, name);
            }
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@k)", conn);
            unlock.Parameters.AddWithValue("k", AdvisoryLockKey);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static List<(string, string)> LoadScripts()
    {
        var assembly = typeof(Migrator).Assembly;
        const string prefix = "Upt.Storage.Migrations.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n[prefix.Length..], Read(assembly, n)))
            .ToList();
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Applied schema migration {Name}")]
    private static partial void LogApplied(ILogger logger, string name);
}
