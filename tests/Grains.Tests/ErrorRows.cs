using Npgsql;

namespace Upt.Grains.Tests;

/// <summary>Error records and retry-ledger entries as the database holds them, for error maintenance tests.</summary>
internal static class ErrorRows
{
    /// <summary>One stored error record.</summary>
    public sealed record Row(string Id, string Category, int RetryCount, DateTimeOffset? LastRetryAt);

    /// <summary>One retry-ledger entry.</summary>
    public sealed record Ledger(int Attempts, DateTimeOffset? NextAttemptAt, string? LastFailure, DateTimeOffset ExpiresAt);

    /// <summary>
    /// Stores an error record as a producer of <paramref name="category"/> would (counter included), with
    /// <paramref name="raw"/> as its raw record; returns its id.
    /// </summary>
    public static async Task<string> InsertAsync(NpgsqlDataSource db, string domain, string category, string raw, DateTimeOffset? createdAt = null)
    {
        var id = $"error_test_{Guid.NewGuid():N}";
        await using var cmd = db.CreateCommand("""
            INSERT INTO upt_errors (id, domain, category, message, object_type, traveller_id, transaction_id, raw, created_at)
            VALUES (@id, @d, @c, 'storage did not answer', 'guest_profile', NULL, NULL, @raw, @at);
            INSERT INTO upt_counters (domain, counter, shard, value) VALUES (@d, 'errors', -1, 1)
            ON CONFLICT (domain, counter, shard) DO UPDATE SET value = upt_counters.value + 1;
            """);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("c", category);
        cmd.Parameters.AddWithValue("raw", raw);
        cmd.Parameters.AddWithValue("at", createdAt ?? DateTimeOffset.UtcNow);
        await cmd.ExecuteNonQueryAsync();
        return id;
    }

    /// <summary>The domain's error records, oldest first.</summary>
    public static async Task<IReadOnlyList<Row>> ListAsync(NpgsqlDataSource db, string domain)
    {
        await using var cmd = db.CreateCommand("SELECT id, category, retry_count, last_retry_at FROM upt_errors WHERE domain = @d ORDER BY created_at, id");
        cmd.Parameters.AddWithValue("d", domain);
        var rows = new List<Row>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return rows;
    }

    /// <summary>The ledger entry of one record, or null.</summary>
    public static async Task<Ledger?> LedgerAsync(NpgsqlDataSource db, string domain, string id)
    {
        await using var cmd = db.CreateCommand("SELECT attempts, next_attempt_at, last_failure, expires_at FROM upt_error_retries WHERE domain = @d AND error_id = @id");
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("id", id);
        await using var reader = await cmd.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new Ledger(reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3))
            : null;
    }

    /// <summary>The domain's <c>errors</c> counter (summed over its shards).</summary>
    public static async Task<long> CounterAsync(NpgsqlDataSource db, string domain)
    {
        await using var cmd = db.CreateCommand("SELECT coalesce(sum(value), 0)::bigint FROM upt_counters WHERE domain = @d AND counter = 'errors'");
        cmd.Parameters.AddWithValue("d", domain);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
