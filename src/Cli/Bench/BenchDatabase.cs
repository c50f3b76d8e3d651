using Npgsql;

namespace Upt.Cli.Bench;

/// <summary>Direct reads of the bench domain's tables: cheaper to poll than the API, and exact.</summary>
internal sealed class BenchDatabase(string connectionString, string domain)
{
    /// <summary>Objects inserted so far, from the sharded counters the writer updates in the same transaction.</summary>
    public Task<long> CountedObjectsAsync(CancellationToken cancellationToken) =>
        ScalarAsync("SELECT coalesce(sum(value), 0)::bigint FROM upt_counters WHERE domain = @d AND counter LIKE 'objects:%'", cancellationToken);

    /// <summary>Rows of <c>upt_objects</c>.</summary>
    public Task<long> ObjectsAsync(CancellationToken cancellationToken) =>
        ScalarAsync("SELECT count(*) FROM upt_objects WHERE domain = @d", cancellationToken);

    /// <summary>Profiles (the counter the API reports).</summary>
    public Task<long> ProfilesAsync(CancellationToken cancellationToken) =>
        ScalarAsync("SELECT coalesce(sum(value), 0)::bigint FROM upt_counters WHERE domain = @d AND counter = 'profiles'", cancellationToken);

    /// <summary>Traveller ids with a profile.</summary>
    public Task<long> TravellersAsync(CancellationToken cancellationToken) =>
        ScalarAsync("SELECT count(*) FROM upt_travellers WHERE domain = @d", cancellationToken);

    /// <summary>Error records.</summary>
    public Task<long> ErrorsAsync(CancellationToken cancellationToken) =>
        ScalarAsync("SELECT count(*) FROM upt_errors WHERE domain = @d", cancellationToken);

    /// <summary>Rows of one traveller.</summary>
    public async Task<long> TravellerObjectsAsync(string travellerId, CancellationToken cancellationToken)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM upt_objects WHERE domain = @d AND traveller_id = @t", conn);
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("t", travellerId);
        return (long)(await cmd.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>A few error records (category, type, message), newest first, to show why a run failed.</summary>
    public async Task<IReadOnlyList<string>> SampleErrorsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand(
            "SELECT category, object_type, coalesce(traveller_id, ''), message FROM upt_errors WHERE domain = @d ORDER BY created_at DESC LIMIT @l", conn);
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("l", limit);
        var lines = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add($"{reader.GetString(0)} | {reader.GetString(1)} | traveller {reader.GetString(2)} | {reader.GetString(3)}");
        }

        return lines;
    }

    private async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.AddWithValue("d", domain);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
