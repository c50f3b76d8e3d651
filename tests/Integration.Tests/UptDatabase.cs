using System.Numerics;
using Npgsql;

namespace Upt.Integration.Tests;

/// <summary>A shard's Kinesis checkpoint as the silo stored it.</summary>
public sealed record Checkpoint(string ShardId, BigInteger? SequenceNumber, bool ShardEnd);

/// <summary>Direct reads of the Upt tables: what is durable, independent of the API.</summary>
public sealed class UptDatabase(NpgsqlDataSource dataSource)
{
    /// <summary>The Orleans membership status (3 active, 6 dead) of the newest silo on <paramref name="port"/>; null when none.</summary>
    public async Task<int?> SiloStatusAsync(string clusterId, int port, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand(
            "SELECT status FROM orleansmembershiptable WHERE deploymentid = $1 AND port = $2 ORDER BY generation DESC LIMIT 1");
        cmd.Parameters.AddWithValue(clusterId);
        cmd.Parameters.AddWithValue(port);
        return await cmd.ExecuteScalarAsync(cancellationToken) is int status ? status : null;
    }

    /// <summary>Rows of upt_objects for the domain.</summary>
    public async Task<long> CountObjectsAsync(string domain, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand("SELECT count(*) FROM upt_objects WHERE domain = $1");
        cmd.Parameters.AddWithValue(domain);
        return (long)(await cmd.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Every object key stored for the domain (the primary key makes each unique).</summary>
    public async Task<List<ObjectKey>> ObjectKeysAsync(string domain, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand("SELECT object_type, traveller_id, object_id FROM upt_objects WHERE domain = $1");
        cmd.Parameters.AddWithValue(domain);
        var keys = new List<ObjectKey>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(new ObjectKey(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return keys;
    }

    /// <summary>upt_objects rows per object type.</summary>
    public Task<Dictionary<string, long>> ObjectRowsByTypeAsync(string domain, CancellationToken cancellationToken) =>
        PairsAsync("SELECT object_type, count(*) FROM upt_objects WHERE domain = $1 GROUP BY object_type", domain, cancellationToken);

    /// <summary>Counter totals (summed over shards), e.g. <c>profiles</c>, <c>objects:air_booking</c>, <c>errors</c>.</summary>
    public Task<Dictionary<string, long>> CountersAsync(string domain, CancellationToken cancellationToken) =>
        PairsAsync("SELECT counter, sum(value)::bigint FROM upt_counters WHERE domain = $1 GROUP BY counter", domain, cancellationToken);

    /// <summary>Live (not merged away) rows of upt_profiles.</summary>
    public Task<long> CountLiveProfilesAsync(string domain, CancellationToken cancellationToken) =>
        ScalarAsync("SELECT count(*) FROM upt_profiles WHERE domain = $1 AND merged_into IS NULL", domain, cancellationToken);

    /// <summary>Rows of upt_travellers.</summary>
    public Task<long> CountTravellersAsync(string domain, CancellationToken cancellationToken) =>
        ScalarAsync("SELECT count(*) FROM upt_travellers WHERE domain = $1", domain, cancellationToken);

    /// <summary>Rows of upt_errors.</summary>
    public Task<long> CountErrorsAsync(string domain, CancellationToken cancellationToken) =>
        ScalarAsync("SELECT count(*) FROM upt_errors WHERE domain = $1", domain, cancellationToken);

    /// <summary>Error rows (of any domain) whose raw record is <paramref name="raw"/>.</summary>
    public async Task<List<(string Domain, string Message)>> ErrorsWithRawAsync(string raw, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand("SELECT domain, message FROM upt_errors WHERE raw = $1");
        cmd.Parameters.AddWithValue(raw);
        var rows = new List<(string, string)>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    /// <summary>The stored checkpoints of a stream's shards.</summary>
    public async Task<List<Checkpoint>> CheckpointsAsync(string stream, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand("SELECT shard_id, sequence_number, shard_end FROM upt_kinesis_checkpoints WHERE stream_name = $1");
        cmd.Parameters.AddWithValue(stream);
        var checkpoints = new List<Checkpoint>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            checkpoints.Add(new Checkpoint(reader.GetString(0),
                reader.IsDBNull(1) ? null : BigInteger.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture),
                reader.GetBoolean(2)));
        }

        return checkpoints;
    }

    private async Task<long> ScalarAsync(string sql, string domain, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        cmd.Parameters.AddWithValue(domain);
        return (long)(await cmd.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<Dictionary<string, long>> PairsAsync(string sql, string domain, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        cmd.Parameters.AddWithValue(domain);
        var pairs = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            pairs[reader.GetString(0)] = reader.GetInt64(1);
        }

        return pairs;
    }
}
