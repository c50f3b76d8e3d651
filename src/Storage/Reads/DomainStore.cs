using Npgsql;

namespace Upt.Storage;

/// <summary>Per-domain reads and maintenance: counters, error records, deleting a domain's data.</summary>
public sealed class DomainStore(NpgsqlDataSource dataSource)
{
    /// <summary>Every counter of a domain, summed over its shards (e.g. <c>profiles</c>, <c>objects:air_booking</c>, <c>errors</c>).</summary>
    public async Task<IReadOnlyDictionary<string, long>> GetCountersAsync(string domain, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT counter, sum(value)::bigint FROM upt_counters WHERE domain = @d GROUP BY counter");
        cmd.Parameters.AddWithValue("d", domain);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    /// <summary>A page of error records, newest first, and the total.</summary>
    public async Task<(IReadOnlyList<ErrorRow> Items, long Total)> ListErrorsAsync(string domain, int page, int pageSize, string? travellerId, CancellationToken cancellationToken = default)
    {
        const string filter = "domain = @d AND (@t::text IS NULL OR traveller_id = @t)";
        await using var cmd = dataSource.CreateCommand($"""
            SELECT id, domain, category, message, object_type, traveller_id, transaction_id, raw, created_at, source, retry_count, last_retry_at
            FROM upt_errors WHERE {filter} ORDER BY created_at DESC, id LIMIT @l OFFSET @o;
            SELECT count(*) FROM upt_errors WHERE {filter};
            """);
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.Add(new NpgsqlParameter("t", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)travellerId ?? DBNull.Value });
        cmd.Parameters.AddWithValue("l", pageSize);
        cmd.Parameters.AddWithValue("o", (long)page * pageSize);
        var items = new List<ErrorRow>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(ErrorStore.ReadRow(reader));
        }

        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (items, reader.GetInt64(0));
    }

    /// <summary>Deletes everything stored for a domain.</summary>
    public async Task DeleteDomainDataAsync(string domain, CancellationToken cancellationToken = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken);
        foreach (var table in new[] { "upt_objects", "upt_lookups", "upt_travellers", "upt_profiles", "upt_counters", "upt_errors", "upt_batch_files", "upt_batch_runs", "upt_merge_history", "upt_unmerge_blocks", "upt_match_pairs", "upt_match_blocks", "upt_privacy_searches", "upt_privacy_locations", "upt_error_retries" })
        {
            await using var cmd = new NpgsqlCommand($"DELETE FROM {table} WHERE domain = @d", conn, tx);
            cmd.Parameters.AddWithValue("d", domain);
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
    }
}
