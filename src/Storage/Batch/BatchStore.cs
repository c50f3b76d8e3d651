using Npgsql;
using NpgsqlTypes;

namespace Upt.Storage;

/// <summary>Bookmarks and runs of batch jobs (<c>upt_batch_files</c>, <c>upt_batch_runs</c>), and the source of their error records.</summary>
public sealed class BatchStore(NpgsqlDataSource dataSource)
{
    /// <summary>The message of a run whose runner stopped sending heartbeats.</summary>
    public const string StaleMessage = "the runner stopped sending heartbeats (its silo stopped or died); run the job again to continue";

    private const string RunColumns =
        "id, domain, object_type, source, from_date, status, started_at, finished_at, heartbeat_at, files_total, files_done, " +
        "files_skipped, files_ignored, bytes_total, bytes_done, records, errors, last_error, range_from, range_to, lines_skipped";

    /// <summary>The bookmarks of a job over a source, by file path.</summary>
    public async Task<IReadOnlyDictionary<string, BatchBookmark>> GetBookmarksAsync(string domain, string objectType, string source, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "SELECT path, size, version, records, errors, run_id FROM upt_batch_files WHERE domain = @d AND object_type = @t AND source = @s");
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("t", objectType);
        cmd.Parameters.AddWithValue("s", source);
        var bookmarks = new Dictionary<string, BatchBookmark>(StringComparer.Ordinal);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var path = reader.GetString(0);
            bookmarks[path] = new BatchBookmark(domain, objectType, source, path, reader.GetInt64(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
        }

        return bookmarks;
    }

    /// <summary>Records that a file is ingested (replacing an older bookmark of the same file).</summary>
    public async Task SaveBookmarkAsync(BatchBookmark bookmark, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bookmark);
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO upt_batch_files (domain, object_type, source, path, size, version, records, errors, run_id, completed_at)
            VALUES (@d, @t, @s, @p, @size, @v, @r, @e, @run, now())
            ON CONFLICT (domain, object_type, source, path) DO UPDATE SET size = EXCLUDED.size, version = EXCLUDED.version,
                records = EXCLUDED.records, errors = EXCLUDED.errors, run_id = EXCLUDED.run_id, completed_at = EXCLUDED.completed_at
            """);
        cmd.Parameters.AddWithValue("d", bookmark.Domain);
        cmd.Parameters.AddWithValue("t", bookmark.ObjectType);
        cmd.Parameters.AddWithValue("s", bookmark.Source);
        cmd.Parameters.AddWithValue("p", bookmark.Path);
        cmd.Parameters.AddWithValue("size", bookmark.Size);
        cmd.Parameters.AddWithValue("v", bookmark.Version);
        cmd.Parameters.AddWithValue("r", bookmark.Records);
        cmd.Parameters.AddWithValue("e", bookmark.Errors);
        cmd.Parameters.AddWithValue("run", bookmark.RunId);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Records a new RUNNING run, after marking FAILED the job's runs whose heartbeat is older than <paramref name="staleAfter"/>.
    /// Null when the job has a live run already (at most one per job, across silos).
    /// </summary>
    public Task<BatchRunRow?> StartRunAsync(string domain, string objectType, string source, DateOnly? from, TimeSpan staleAfter, CancellationToken cancellationToken = default) =>
        StartRunAsync(domain, objectType, source, from, null, null, staleAfter, cancellationToken);

    /// <summary>
    /// Like <see cref="StartRunAsync(string, string, string, DateOnly?, TimeSpan, CancellationToken)"/>, for a replay run
    /// over [<paramref name="rangeFrom"/>, <paramref name="rangeTo"/>] when both are given.
    /// </summary>
    public async Task<BatchRunRow?> StartRunAsync(string domain, string objectType, string source, DateOnly? from,
        DateTimeOffset? rangeFrom, DateTimeOffset? rangeTo, TimeSpan staleAfter, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            UPDATE upt_batch_runs SET status = 'FAILED', finished_at = heartbeat_at, last_error = coalesce(last_error, @msg)
            WHERE domain = @d AND object_type = @t AND status = 'RUNNING' AND heartbeat_at < now() - @stale;
            INSERT INTO upt_batch_runs (domain, object_type, source, from_date, range_from, range_to, status)
            VALUES (@d, @t, @s, @from, @rfrom, @rto, 'RUNNING')
            ON CONFLICT (domain, object_type) WHERE status = 'RUNNING' DO NOTHING
            RETURNING {RunColumns};
            """);
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("t", objectType);
        cmd.Parameters.AddWithValue("s", source);
        cmd.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.Date) { Value = from is { } f ? f : DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("rfrom", NpgsqlDbType.TimestampTz) { Value = rangeFrom is { } rf ? rf : DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("rto", NpgsqlDbType.TimestampTz) { Value = rangeTo is { } rt ? rt : DBNull.Value });
        cmd.Parameters.AddWithValue("stale", staleAfter);
        cmd.Parameters.AddWithValue("msg", StaleMessage);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadRun(reader) : null;
    }

    /// <summary>Writes a running run's progress and heartbeat.</summary>
    public Task UpdateRunAsync(BatchRunRow run, CancellationToken cancellationToken = default) =>
        WriteRunAsync(run, "heartbeat_at = now()", "AND status = 'RUNNING'", cancellationToken);

    /// <summary>Writes a run's outcome (<see cref="BatchRunRow.Status"/> SUCCEEDED or FAILED) and final counts.</summary>
    public Task FinishRunAsync(BatchRunRow run, CancellationToken cancellationToken = default) =>
        WriteRunAsync(run, "status = @status, finished_at = now(), heartbeat_at = now()", "", cancellationToken);

    /// <summary>The job's latest run, a RUNNING one without a recent heartbeat reported as FAILED; null when the job never ran.</summary>
    public async Task<BatchRunRow?> GetLatestRunAsync(string domain, string objectType, TimeSpan staleAfter, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT {RunColumns}, status = 'RUNNING' AND heartbeat_at < now() - @stale AS stale
            FROM upt_batch_runs WHERE domain = @d AND object_type = @t ORDER BY id DESC LIMIT 1
            """);
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("t", objectType);
        cmd.Parameters.AddWithValue("stale", staleAfter);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var run = ReadRun(reader);
        return reader.GetBoolean(21)
            ? run with { Status = BatchRunRow.Failed, FinishedAt = run.HeartbeatAt, LastError = run.LastError ?? StaleMessage }
            : run;
    }

    /// <summary>
    /// Sets the source (file and line) of the error records among <paramref name="candidates"/> (error id, source) that
    /// exist, and returns the sources that have one: the error ids derive from the source, so a line's possible error
    /// ids are known before its error is written.
    /// </summary>
    public async Task<IReadOnlySet<string>> TagErrorSourcesAsync(IReadOnlyList<(string ErrorId, string Source)> candidates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (candidates.Count == 0)
        {
            return found;
        }

        await using var cmd = dataSource.CreateCommand("""
            UPDATE upt_errors e SET source = c.source
            FROM unnest(@ids::text[], @sources::text[]) AS c(id, source)
            WHERE e.id = c.id
            RETURNING c.source
            """);
        cmd.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = candidates.Select(c => c.ErrorId).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("sources", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = candidates.Select(c => c.Source).ToArray() });
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }

    private async Task WriteRunAsync(BatchRunRow run, string set, string condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var cmd = dataSource.CreateCommand($"""
            UPDATE upt_batch_runs SET {set}, files_total = @ft, files_done = @fd, files_skipped = @fs, files_ignored = @fi,
                bytes_total = @bt, bytes_done = @bd, records = @r, errors = @e, last_error = @err, lines_skipped = @ls
            WHERE id = @id {condition}
            """);
        cmd.Parameters.AddWithValue("id", run.Id);
        cmd.Parameters.AddWithValue("status", run.Status);
        cmd.Parameters.AddWithValue("ft", run.FilesTotal);
        cmd.Parameters.AddWithValue("fd", run.FilesDone);
        cmd.Parameters.AddWithValue("fs", run.FilesSkipped);
        cmd.Parameters.AddWithValue("fi", run.FilesIgnored);
        cmd.Parameters.AddWithValue("bt", run.BytesTotal);
        cmd.Parameters.AddWithValue("bd", run.BytesDone);
        cmd.Parameters.AddWithValue("r", run.Records);
        cmd.Parameters.AddWithValue("e", run.Errors);
        cmd.Parameters.AddWithValue("ls", run.LinesSkipped);
        cmd.Parameters.Add(new NpgsqlParameter("err", NpgsqlDbType.Text) { Value = (object?)run.LastError ?? DBNull.Value });
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    private static BatchRunRow ReadRun(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        Domain = reader.GetString(1),
        ObjectType = reader.GetString(2),
        Source = reader.GetString(3),
        FromDate = reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4),
        Status = reader.GetString(5),
        StartedAt = reader.GetFieldValue<DateTimeOffset>(6),
        FinishedAt = reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
        HeartbeatAt = reader.GetFieldValue<DateTimeOffset>(8),
        FilesTotal = reader.GetInt32(9),
        FilesDone = reader.GetInt32(10),
        FilesSkipped = reader.GetInt32(11),
        FilesIgnored = reader.GetInt32(12),
        BytesTotal = reader.GetInt64(13),
        BytesDone = reader.GetInt64(14),
        Records = reader.GetInt64(15),
        Errors = reader.GetInt64(16),
        LastError = reader.IsDBNull(17) ? null : reader.GetString(17),
        RangeFrom = reader.IsDBNull(18) ? null : reader.GetFieldValue<DateTimeOffset>(18),
        RangeTo = reader.IsDBNull(19) ? null : reader.GetFieldValue<DateTimeOffset>(19),
        LinesSkipped = reader.GetInt64(20),
    };
}
