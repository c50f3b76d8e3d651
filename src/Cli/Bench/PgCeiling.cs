using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Upt.Cli.Bench;

/// <summary>
/// The PostgreSQL write ceiling: the flat rows of the workload upserted into a scratch copy of <c>upt_objects</c>
/// (same columns, primary key and index) with multi-row statements over a few connections, each statement its own
/// transaction. The pipeline writes more than this per object (profiles, lookups, travellers, counters), so it can
/// only approach this figure, never beat it.
/// </summary>
internal sealed class PgCeiling(string connectionString, string table = "bench_scratch_objects")
{
    /// <summary>Rows per statement.</summary>
    public int StatementRows { get; init; } = 1000;

    /// <summary>Concurrent connections.</summary>
    public int Connections { get; init; } = 3;

    /// <summary>(Re)creates the empty scratch table from the real <c>upt_objects</c> (the Upt schema must be migrated).</summary>
    public async Task CreateTableAsync(CancellationToken cancellationToken)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand($"""
            DROP TABLE IF EXISTS {table};
            CREATE TABLE {table} (LIKE upt_objects INCLUDING ALL);
            """, conn);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Drops the scratch table.</summary>
    public async Task DropTableAsync(CancellationToken cancellationToken)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand($"DROP TABLE IF EXISTS {table}", conn);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The number of rows in the scratch table.</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand($"SELECT count(*) FROM {table}", conn);
        return (long)(await cmd.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Upserts <paramref name="rows"/> (in order, chunked) into the scratch table; only the upserts are timed.</summary>
    public async Task<PgCeilingResult> RunAsync(string domain, IReadOnlyList<FlatRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var chunks = rows.Chunk(StatementRows).Select(Prepare).ToArray();
        var connections = new List<NpgsqlConnection>();
        try
        {
            // Connections are opened before the clock starts: the ceiling is about writing, not connecting.
            for (var i = 0; i < Connections; i++)
            {
                var conn = new NpgsqlConnection(connectionString);
                await conn.OpenAsync(cancellationToken);
                connections.Add(conn);
            }

            var next = -1;
            long written = 0;
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(connections.Select(async conn =>
            {
                for (var i = Interlocked.Increment(ref next); i < chunks.Length; i = Interlocked.Increment(ref next))
                {
                    Interlocked.Add(ref written, await UpsertAsync(conn, domain, chunks[i], cancellationToken));
                }
            }));
            watch.Stop();
            return new PgCeilingResult(written, chunks.Length, watch.Elapsed);
        }
        finally
        {
            foreach (var conn in connections)
            {
                await conn.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// One statement may not touch a row twice, so repeats of a key within a chunk keep the last; keys are sorted so
    /// that concurrent statements lock rows in the same order (as the product's group commit does).
    /// </summary>
    private static FlatRow[] Prepare(FlatRow[] chunk)
    {
        var last = new Dictionary<(string, string, string), FlatRow>();
        foreach (var row in chunk)
        {
            last[(row.ObjectType, row.TravellerId, row.ObjectId)] = row;
        }

        return last.Values
            .OrderBy(r => r.ObjectType, StringComparer.Ordinal)
            .ThenBy(r => r.TravellerId, StringComparer.Ordinal)
            .ThenBy(r => r.ObjectId, StringComparer.Ordinal)
            .ToArray();
    }

    private async Task<int> UpsertAsync(NpgsqlConnection conn, string domain, FlatRow[] rows, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand($"""
            INSERT INTO {table} (domain, object_type, traveller_id, object_id, profile_id, data, last_updated)
            SELECT @d, * FROM unnest(@ty::text[], @t::text[], @o::text[], @p::text[], @data::jsonb[], @lu::timestamptz[])
            ON CONFLICT (domain, object_type, traveller_id, object_id) DO UPDATE
                SET data = EXCLUDED.data, last_updated = EXCLUDED.last_updated, profile_id = EXCLUDED.profile_id, updated_at = now()
                WHERE {table}.data IS DISTINCT FROM EXCLUDED.data
            """, conn);
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("ty", rows.Select(r => r.ObjectType).ToArray());
        cmd.Parameters.AddWithValue("t", rows.Select(r => r.TravellerId).ToArray());
        cmd.Parameters.AddWithValue("o", rows.Select(r => r.ObjectId).ToArray());

        // The traveller id stands in for the profile id: the same width of key, without resolving identities.
        cmd.Parameters.AddWithValue("p", rows.Select(r => r.TravellerId).ToArray());
        cmd.Parameters.Add(new NpgsqlParameter("data", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = rows.Select(r => r.Json).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("lu", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
        {
            Value = rows.Select(r => r.LastUpdated?.UtcDateTime).ToArray(),
        });
        await cmd.ExecuteNonQueryAsync(cancellationToken);
        return rows.Length;
    }
}
