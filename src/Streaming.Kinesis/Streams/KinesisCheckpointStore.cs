using Npgsql;

namespace Upt.Streaming.Kinesis.Streams;

/// <summary>One shard's checkpoint: the last delivered sequence number (null: none yet) and whether the shard is fully delivered.</summary>
internal sealed record KinesisCheckpoint(string ShardId, string? SequenceNumber, bool ShardEnd);

/// <summary>
/// Shard checkpoints in PostgreSQL (<c>upt_kinesis_checkpoints</c>). Writes are monotonic in the database itself:
/// a sequence number only ever grows (compared as a number) and <c>shard_end</c> is never cleared, so a late or
/// duplicate writer (e.g. a silo that lost the queue) cannot move a checkpoint backwards.
/// </summary>
internal sealed class KinesisCheckpointStore(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    private const string CreateSql = """
        SELECT pg_advisory_xact_lock(7315112094);
        CREATE TABLE IF NOT EXISTS upt_kinesis_checkpoints (
            stream_name text NOT NULL,
            shard_id text NOT NULL,
            sequence_number text,
            shard_end boolean NOT NULL DEFAULT false,
            updated_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (stream_name, shard_id));
        """;

    private const string UpsertSql = """
        INSERT INTO upt_kinesis_checkpoints AS c (stream_name, shard_id, sequence_number, shard_end, updated_at)
        VALUES (@stream, @shard, @seq, @end, now())
        ON CONFLICT (stream_name, shard_id) DO UPDATE SET
            sequence_number = CASE
                WHEN c.sequence_number IS NULL THEN excluded.sequence_number
                WHEN excluded.sequence_number IS NOT NULL AND excluded.sequence_number::numeric > c.sequence_number::numeric THEN excluded.sequence_number
                ELSE c.sequence_number END,
            shard_end = c.shard_end OR excluded.shard_end,
            updated_at = now()
        WHERE (excluded.sequence_number IS NOT NULL AND (c.sequence_number IS NULL OR excluded.sequence_number::numeric > c.sequence_number::numeric))
           OR (excluded.shard_end AND NOT c.shard_end);
        """;

    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private bool _schemaReady;

    public static KinesisCheckpointStore Create(string connectionString) => new(NpgsqlDataSource.Create(connectionString));

    /// <summary>Creates the table if it does not exist (idempotent, safe from several silos at once).</summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaLock.WaitAsync(cancellationToken);
        try
        {
            if (!_schemaReady)
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                await using var tx = await connection.BeginTransactionAsync(cancellationToken);
                await using (var command = new NpgsqlCommand(CreateSql, connection, tx))
                {
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }

                await tx.CommitAsync(cancellationToken);
                _schemaReady = true;
            }
        }
        finally
        {
            _schemaLock.Release();
        }
    }

    /// <summary>Every checkpoint of a stream, by shard id.</summary>
    public async Task<IReadOnlyDictionary<string, KinesisCheckpoint>> LoadAsync(string streamName, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken);
        await using var command = dataSource.CreateCommand(
            "SELECT shard_id, sequence_number, shard_end FROM upt_kinesis_checkpoints WHERE stream_name = @stream");
        command.Parameters.AddWithValue("stream", streamName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new Dictionary<string, KinesisCheckpoint>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var shard = reader.GetString(0);
            result[shard] = new KinesisCheckpoint(shard, reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetBoolean(2));
        }

        return result;
    }

    /// <summary>Moves a checkpoint forward (never backwards); returns false when the stored one was already at or past it.</summary>
    public async Task<bool> SaveAsync(string streamName, string shardId, string? sequenceNumber, bool shardEnd, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken);
        await using var command = dataSource.CreateCommand(UpsertSql);
        command.Parameters.AddWithValue("stream", streamName);
        command.Parameters.AddWithValue("shard", shardId);
        command.Parameters.Add(new NpgsqlParameter<string?>("seq", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = sequenceNumber });
        command.Parameters.AddWithValue("end", shardEnd);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
