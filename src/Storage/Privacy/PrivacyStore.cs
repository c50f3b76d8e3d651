using Npgsql;
using NpgsqlTypes;

namespace Upt.Storage;

/// <summary>
/// Privacy searches, their locations and the purge audit trail (<c>upt_privacy_*</c>). Jobs update only rows whose
/// <c>event_id</c> is theirs, so a newer search or purge of the same connect id always wins over an older job still ending.
/// Statuses are UPT's (<c>search_invoked</c> ... <c>purge_failed</c>), passed in by the caller.
/// </summary>
public sealed class PrivacyStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Starts searches: each connect id's row is replaced by one with <paramref name="status"/> (search invoked) for
    /// <paramref name="eventId"/>, and its earlier locations are deleted, in one transaction.
    /// </summary>
    public async Task BeginSearchAsync(string domain, IReadOnlyList<string> connectIds, string eventId, string transactionId, string status, CancellationToken cancellationToken = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(conn, tx);
        batch.BatchCommands.Add(Command("DELETE FROM upt_privacy_locations WHERE domain = @d AND connect_id = ANY(@c)", ("d", domain), ("c", Array(connectIds))));
        batch.BatchCommands.Add(Command("""
            INSERT INTO upt_privacy_searches (domain, connect_id, status, error_message, search_date, tx_id, total_results, event_id, updated_at)
            SELECT @d, c, @s, '', now(), @tx, 0, @e, now() FROM unnest(@c::text[]) AS c
            ON CONFLICT (domain, connect_id) DO UPDATE SET status = EXCLUDED.status, error_message = '', search_date = now(),
                tx_id = EXCLUDED.tx_id, total_results = 0, event_id = EXCLUDED.event_id, updated_at = now()
            """, ("d", domain), ("c", Array(connectIds)), ("s", status), ("tx", transactionId), ("e", eventId)));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Starts a purge in one transaction: its audit row (operator, connect ids, domain, now), and per connect id a search
    /// row (created when no search ran) and its known locations set to <paramref name="status"/> (purge invoked) for
    /// <paramref name="eventId"/>.
    /// </summary>
    public async Task BeginPurgeAsync(string domain, IReadOnlyList<string> connectIds, string eventId, string operatorId, string transactionId, string status, CancellationToken cancellationToken = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(conn, tx);
        batch.BatchCommands.Add(Command("""
            INSERT INTO upt_privacy_purge_audit (domain, event_id, operator_id, connect_ids, tx_id) VALUES (@d, @e, @op, @c, @tx)
            """, ("d", domain), ("e", eventId), ("op", operatorId), ("c", Array(connectIds)), ("tx", transactionId)));
        batch.BatchCommands.Add(Command("""
            INSERT INTO upt_privacy_searches (domain, connect_id, status, error_message, search_date, tx_id, total_results, event_id, updated_at)
            SELECT @d, c, @s, '', now(), @tx, 0, @e, now() FROM unnest(@c::text[]) AS c
            ON CONFLICT (domain, connect_id) DO UPDATE SET status = EXCLUDED.status, error_message = '', tx_id = EXCLUDED.tx_id,
                event_id = EXCLUDED.event_id, updated_at = now()
            """, ("d", domain), ("c", Array(connectIds)), ("s", status), ("tx", transactionId), ("e", eventId)));
        batch.BatchCommands.Add(Command("""
            UPDATE upt_privacy_locations SET status = @s, error_message = '', event_id = @e, updated_at = now()
            WHERE domain = @d AND connect_id = ANY(@c)
            """, ("d", domain), ("c", Array(connectIds)), ("s", status), ("e", eventId)));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>Sets a search row's own status (and error, and the number of locations when given), if <paramref name="eventId"/> still owns it.</summary>
    public async Task SetStatusAsync(string domain, string connectId, string eventId, string status, string? error = null, int? totalResults = null, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            UPDATE upt_privacy_searches SET status = @s, error_message = @err, total_results = COALESCE(@n::int, total_results), updated_at = now()
            WHERE domain = @d AND connect_id = @c AND event_id = @e
            """);
        AddParameters(cmd.Parameters, ("d", domain), ("c", connectId), ("e", eventId), ("s", status), ("err", error ?? ""), ("n", totalResults));
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Replaces the locations of a search (if <paramref name="eventId"/> still owns it) by <paramref name="locations"/>, all with <paramref name="status"/>.</summary>
    public async Task ReplaceLocationsAsync(string domain, string connectId, string eventId, IReadOnlyList<PrivacyLocation> locations, string status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(locations);
        await using var conn = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken);
        await using (var owner = new NpgsqlCommand("SELECT 1 FROM upt_privacy_searches WHERE domain = @d AND connect_id = @c AND event_id = @e FOR UPDATE", conn, tx))
        {
            AddParameters(owner.Parameters, ("d", domain), ("c", connectId), ("e", eventId));
            if (await owner.ExecuteScalarAsync(cancellationToken) is null)
            {
                return;
            }
        }

        await using var batch = new NpgsqlBatch(conn, tx);
        batch.BatchCommands.Add(Command("DELETE FROM upt_privacy_locations WHERE domain = @d AND connect_id = @c", ("d", domain), ("c", connectId)));
        batch.BatchCommands.Add(Command("""
            INSERT INTO upt_privacy_locations (domain, connect_id, location_type, location, status, event_id)
            SELECT @d, @c, t, l, @s, @e FROM unnest(@t::text[], @l::text[]) AS u(t, l)
            ON CONFLICT DO NOTHING
            """, ("d", domain), ("c", connectId), ("t", Array(locations.Select(l => l.Type))), ("l", Array(locations.Select(l => l.Location))),
            ("s", status), ("e", eventId)));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>Sets the status (and error) of every location of one type of a search, if <paramref name="eventId"/> still owns them.</summary>
    public async Task SetLocationStatusAsync(string domain, string connectId, string eventId, string type, string status, string? error = null, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            UPDATE upt_privacy_locations SET status = @s, error_message = @err, updated_at = now()
            WHERE domain = @d AND connect_id = @c AND location_type = @t AND event_id = @e
            """);
        AddParameters(cmd.Parameters, ("d", domain), ("c", connectId), ("e", eventId), ("t", type), ("s", status), ("err", error ?? ""));
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Records how the purge <paramref name="eventId"/> ended in its audit row.</summary>
    public async Task FinishPurgeAuditAsync(string eventId, string outcome, int locations, string? error, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            UPDATE upt_privacy_purge_audit SET finished_at = now(), outcome = @o, locations = @n, error_message = @err WHERE event_id = @e
            """);
        AddParameters(cmd.Parameters, ("e", eventId), ("o", outcome), ("n", locations), ("err", error));
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The searches of a domain, newest first, statuses rolled up with their locations.</summary>
    public Task<IReadOnlyList<PrivacySearchRow>> ListAsync(string domain, CancellationToken cancellationToken = default) =>
        ReadSearchesAsync("s.domain = @d", [("d", domain)], cancellationToken);

    /// <summary>The search of <paramref name="connectId"/> (rolled up) with its locations, or null.</summary>
    public async Task<(PrivacySearchRow Search, IReadOnlyList<PrivacyLocationRow> Locations)?> GetAsync(string domain, string connectId, CancellationToken cancellationToken = default)
    {
        var searches = await ReadSearchesAsync("s.domain = @d AND s.connect_id = @c", [("d", domain), ("c", connectId)], cancellationToken);
        if (searches.Count == 0)
        {
            return null;
        }

        await using var cmd = dataSource.CreateCommand("""
            SELECT location_type, location, status, error_message FROM upt_privacy_locations
            WHERE domain = @d AND connect_id = @c ORDER BY location_type, location
            """);
        AddParameters(cmd.Parameters, ("d", domain), ("c", connectId));
        var locations = new List<PrivacyLocationRow>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            locations.Add(new PrivacyLocationRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return (searches[0], locations);
    }

    /// <summary>Deletes the searches of <paramref name="connectIds"/> and their locations (never the audit trail); returns how many searches existed.</summary>
    public async Task<int> DeleteAsync(string domain, IReadOnlyList<string> connectIds, CancellationToken cancellationToken = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(conn, tx);
        batch.BatchCommands.Add(Command("DELETE FROM upt_privacy_locations WHERE domain = @d AND connect_id = ANY(@c)", ("d", domain), ("c", Array(connectIds))));
        var searches = Command("DELETE FROM upt_privacy_searches WHERE domain = @d AND connect_id = ANY(@c)", ("d", domain), ("c", Array(connectIds)));
        batch.BatchCommands.Add(searches);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return searches.RecordsAffected;
    }

    /// <summary>True when a search row or location of the domain is purge invoked or running.</summary>
    public async Task<bool> IsPurgeRunningAsync(string domain, IReadOnlyList<string> pendingPurgeStatuses, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT EXISTS (SELECT 1 FROM upt_privacy_searches WHERE domain = @d AND status = ANY(@s))
                OR EXISTS (SELECT 1 FROM upt_privacy_locations WHERE domain = @d AND status = ANY(@s))
            """);
        AddParameters(cmd.Parameters, ("d", domain), ("s", Array(pendingPurgeStatuses)));
        return (bool)(await cmd.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The events that own a search row or location of the domain in one of <paramref name="pendingStatuses"/>.</summary>
    public async Task<IReadOnlyList<string>> PendingEventIdsAsync(string domain, IReadOnlyList<string> pendingStatuses, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT event_id FROM upt_privacy_searches WHERE domain = @d AND status = ANY(@s)
            UNION
            SELECT event_id FROM upt_privacy_locations WHERE domain = @d AND status = ANY(@s)
            ORDER BY 1
            """);
        AddParameters(cmd.Parameters, ("d", domain), ("s", Array(pendingStatuses)));
        var ids = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>When the rows of <paramref name="eventId"/> were last changed (the earliest of them), or null when it owns none.</summary>
    public async Task<DateTimeOffset?> PendingSinceAsync(string domain, string eventId, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT min(updated_at) FROM upt_privacy_searches WHERE domain = @d AND event_id = @e
            """);
        AddParameters(cmd.Parameters, ("d", domain), ("e", eventId));
        return await cmd.ExecuteScalarAsync(cancellationToken) is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : null;
    }

    /// <summary>
    /// The rows <paramref name="eventId"/> left pending when its job stopped become failed with <paramref name="error"/>:
    /// each status of <paramref name="failedFor"/> (pending → failed) is applied to search rows and locations.
    /// </summary>
    public async Task FailPendingAsync(string domain, string eventId, IReadOnlyDictionary<string, string> failedFor, string error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failedFor);
        var from = failedFor.Keys.ToArray();
        var to = failedFor.Values.ToArray();
        await using var conn = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(conn, tx);
        foreach (var table in new[] { "upt_privacy_searches", "upt_privacy_locations" })
        {
            batch.BatchCommands.Add(Command($"""
                UPDATE {table} t SET status = m.failed, error_message = @err, updated_at = now()
                FROM unnest(@from::text[], @to::text[]) AS m(pending, failed)
                WHERE t.domain = @d AND t.event_id = @e AND t.status = m.pending
                """, ("d", domain), ("e", eventId), ("from", from), ("to", to), ("err", error)));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>The purge audit trail of a domain, newest first.</summary>
    public async Task<IReadOnlyList<PurgeAuditRow>> ListPurgeAuditAsync(string domain, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT id, domain, event_id, operator_id, connect_ids, tx_id, requested_at, finished_at, outcome, locations, error_message
            FROM upt_privacy_purge_audit WHERE domain = @d ORDER BY requested_at DESC, id DESC
            """);
        AddParameters(cmd.Parameters, ("d", domain));
        var rows = new List<PurgeAuditRow>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new PurgeAuditRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<string[]>(4),
                reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6), reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetInt32(9), reader.IsDBNull(10) ? null : reader.GetString(10)));
        }

        return rows;
    }

    private async Task<IReadOnlyList<PrivacySearchRow>> ReadSearchesAsync(string filter, (string, object?)[] parameters, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT s.domain, s.connect_id, s.status, s.error_message, s.search_date, s.total_results, s.tx_id, s.event_id,
                   COALESCE(l.statuses, ARRAY[]::text[]), COALESCE(l.errors, '')
            FROM upt_privacy_searches s
            LEFT JOIN LATERAL (
                SELECT array_agg(DISTINCT status) AS statuses, string_agg(DISTINCT NULLIF(error_message, ''), '; ') AS errors
                FROM upt_privacy_locations WHERE domain = s.domain AND connect_id = s.connect_id) l ON true
            WHERE {filter}
            ORDER BY s.search_date DESC, s.connect_id
            """);
        AddParameters(cmd.Parameters, parameters);
        var rows = new List<PrivacySearchRow>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var own = reader.GetString(2);
            var ownError = reader.GetString(3);
            var locationErrors = reader.GetString(9);
            var error = string.Join("; ", new[] { ownError, locationErrors }.Where(e => e.Length > 0).Distinct(StringComparer.Ordinal));
            rows.Add(new PrivacySearchRow(reader.GetString(0), reader.GetString(1), PrivacyRollup.Of(own, reader.GetFieldValue<string[]>(8)), error,
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetInt32(5), reader.GetString(6), reader.GetString(7)));
        }

        return rows;
    }

    private static string[] Array(IEnumerable<string> values) => values.ToArray();

    private static NpgsqlBatchCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        AddParameters(command.Parameters, parameters);
        return command;
    }

    // Nulls are typed as text (the SQL casts where the column is not).
    private static void AddParameters(NpgsqlParameterCollection parameters, params (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            parameters.Add(value is null
                ? new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = DBNull.Value }
                : new NpgsqlParameter(name, value));
        }
    }
}
