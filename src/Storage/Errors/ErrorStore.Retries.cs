using Npgsql;

namespace Upt.Storage;

/// <summary>The retry ledger: one entry per error record being retried, with its schedule and its own expiry.</summary>
public sealed partial class ErrorStore
{
    /// <summary>
    /// Records of <paramref name="domain"/> in <paramref name="categories"/> with fewer than <paramref name="maxAttempts"/>
    /// attempts and either no ledger entry or a next attempt scheduled; earliest due first, at most <paramref name="limit"/>.
    /// </summary>
    public async Task<IReadOnlyList<RetryCandidate>> ListRetryCandidatesAsync(
        string domain, IReadOnlyCollection<string> categories, int maxAttempts, int limit, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT e.id, e.created_at, e.retry_count, r.error_id IS NOT NULL, r.next_attempt_at
            FROM upt_errors e
            LEFT JOIN upt_error_retries r ON r.domain = e.domain AND r.error_id = e.id
            WHERE e.domain = @d AND e.category = ANY(@c) AND e.retry_count < @max
              AND (r.error_id IS NULL OR r.next_attempt_at IS NOT NULL)
            ORDER BY coalesce(r.next_attempt_at, e.created_at), e.id
            LIMIT @l
            """);
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("c", categories.ToArray());
        cmd.Parameters.AddWithValue("max", maxAttempts);
        cmd.Parameters.AddWithValue("l", limit);
        var candidates = new List<RetryCandidate>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            candidates.Add(new RetryCandidate(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetInt32(2),
                reader.GetBoolean(3), reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return candidates;
    }

    /// <summary>Creates the ledger entry of a record (attempts so far, first attempt due at <paramref name="nextAttemptAt"/>) unless it has one.</summary>
    public async Task ScheduleAsync(string domain, string id, int attempts, DateTimeOffset nextAttemptAt, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO upt_error_retries (domain, error_id, attempts, next_attempt_at, expires_at)
            VALUES (@d, @id, @a, @next, @exp)
            ON CONFLICT (domain, error_id) DO NOTHING
            """);
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("a", attempts);
        cmd.Parameters.AddWithValue("next", nextAttemptAt);
        cmd.Parameters.AddWithValue("exp", expiresAt);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Counts attempt <paramref name="attempt"/> before it runs, on the record (visible where it is listed) and in the ledger,
    /// with the attempt after it already scheduled at <paramref name="nextIfFailed"/> (null: none left), so a silo that dies
    /// during the attempt neither loses the count nor stops the schedule.
    /// </summary>
    public async Task RecordAttemptAsync(
        string domain, string id, int attempt, DateTimeOffset at, DateTimeOffset? nextIfFailed, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            UPDATE upt_errors SET retry_count = @a, last_retry_at = @at WHERE domain = @d AND id = @id;
            INSERT INTO upt_error_retries (domain, error_id, attempts, next_attempt_at, expires_at)
            VALUES (@d, @id, @a, @next, @exp)
            ON CONFLICT (domain, error_id) DO UPDATE SET attempts = EXCLUDED.attempts, next_attempt_at = EXCLUDED.next_attempt_at;
            """);
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("a", attempt);
        cmd.Parameters.AddWithValue("at", at);
        cmd.Parameters.Add(new NpgsqlParameter("next", NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = (object?)nextIfFailed ?? DBNull.Value });
        cmd.Parameters.AddWithValue("exp", expiresAt);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Keeps why the last attempt of a record failed in its ledger entry.</summary>
    public async Task RecordFailureAsync(string domain, string id, string failure, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("UPDATE upt_error_retries SET last_failure = @f WHERE domain = @d AND error_id = @id");
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("f", failure);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Removes ledger entries of <paramref name="domain"/> that expired before <paramref name="now"/>; returns how many.</summary>
    public async Task<int> PurgeExpiredLedgerAsync(string domain, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("DELETE FROM upt_error_retries WHERE domain = @d AND expires_at < @now");
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("now", now);
        return await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
