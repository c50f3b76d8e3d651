using Npgsql;

namespace Upt.Storage;

/// <summary>
/// Changes to stored error records after ingestion wrote them: delete, purge by age, and the retry ledger
/// (<see cref="ErrorStore"/>'s other part). Every delete takes the rows' count off the domain's <c>errors</c> counter in
/// the same statement, so the counter stays exact while ingestion adds errors concurrently.
/// </summary>
public sealed partial class ErrorStore(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, domain, category, message, object_type, traveller_id, transaction_id, raw, created_at, source, retry_count, last_retry_at";

    // Deletes the rows `del` returns (domain, id) with their ledger entries, takes them off the counter and answers their count.
    private const string DeleteTail = $"""
        led AS (
            DELETE FROM upt_error_retries r USING del WHERE r.domain = del.domain AND r.error_id = del.id
        ), counted AS (
            {CounterSql.Insert}
            SELECT domain, 'errors', @shard, -count(*) FROM del GROUP BY domain
            {CounterSql.Accumulate}
        )
        SELECT count(*) FROM del
        """;

    private readonly int _shard = CounterSql.NewShardBase();

    /// <summary>One error record of <paramref name="domain"/>, or null.</summary>
    public async Task<ErrorRow?> GetAsync(string domain, string id, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand($"SELECT {Columns} FROM upt_errors WHERE domain = @d AND id = @id");
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("id", id);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadRow(reader) : null;
    }

    /// <summary>Deletes the records <paramref name="ids"/> of <paramref name="domain"/>; returns how many existed.</summary>
    public async Task<long> DeleteAsync(string domain, IReadOnlyList<string> ids, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0)
        {
            return 0;
        }

        await using var cmd = dataSource.CreateCommand($"""
            WITH del AS (
                DELETE FROM upt_errors WHERE domain = @d AND id = ANY(@ids) RETURNING domain, id
            ), {DeleteTail}
            """);
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("ids", ids.ToArray());
        cmd.Parameters.AddWithValue("shard", _shard);
        return (long)(await cmd.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Deletes every record of <paramref name="domain"/>; returns how many went.</summary>
    public async Task<long> DeleteAllAsync(string domain, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            WITH del AS (
                DELETE FROM upt_errors WHERE domain = @d RETURNING domain, id
            ), {DeleteTail}
            """);
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("shard", _shard);
        var deleted = (long)(await cmd.ExecuteScalarAsync(cancellationToken))!;

        // Ledger entries whose record went earlier (a success keeps none, but an expiry race can).
        await using var ledger = dataSource.CreateCommand("DELETE FROM upt_error_retries WHERE domain = @d");
        ledger.Parameters.AddWithValue("d", domain);
        await ledger.ExecuteNonQueryAsync(cancellationToken);
        return deleted;
    }

    /// <summary>
    /// Deletes records of <paramref name="domain"/> created before <paramref name="cutoff"/>, at most
    /// <paramref name="batchSize"/> per statement so a large backlog never holds one long transaction; returns how many went.
    /// </summary>
    public async Task<long> PurgeOlderThanAsync(string domain, DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken = default)
    {
        long total = 0;
        while (true)
        {
            await using var cmd = dataSource.CreateCommand($"""
                WITH victims AS (
                    SELECT id FROM upt_errors WHERE domain = @d AND created_at < @cutoff ORDER BY created_at LIMIT @n
                ), del AS (
                    DELETE FROM upt_errors e USING victims v WHERE e.id = v.id AND e.domain = @d RETURNING e.domain, e.id
                ), {DeleteTail}
                """);
            cmd.Parameters.AddWithValue("d", domain);
            cmd.Parameters.AddWithValue("cutoff", cutoff);
            cmd.Parameters.AddWithValue("n", batchSize);
            cmd.Parameters.AddWithValue("shard", _shard);
            var deleted = (long)(await cmd.ExecuteScalarAsync(cancellationToken))!;
            total += deleted;
            if (deleted < batchSize)
            {
                return total;
            }
        }
    }

    /// <summary>Reads a row of <see cref="Columns"/>.</summary>
    internal static ErrorRow ReadRow(NpgsqlDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(7),
        reader.GetFieldValue<DateTimeOffset>(8), reader.IsDBNull(9) ? null : reader.GetString(9),
        reader.GetInt32(10), reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11));
}
