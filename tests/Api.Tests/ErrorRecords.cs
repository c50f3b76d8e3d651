using System.Text;
using System.Text.Json.Nodes;
using Npgsql;

namespace Upt.Api.Tests;

/// <summary>Error records for the error routes: real ones (a bad record on the stream) and stored ones (as a producer writes them).</summary>
public static class ErrorRecords
{
    private static string _lastId = "";

    /// <summary>The record the last <see cref="PrepareAsync"/> stored.</summary>
    public static string LastId => _lastId;

    /// <summary>Stores a record whose raw record is no envelope, so a retry of it fails and changes nothing (the retry route case).</summary>
    public static async Task PrepareAsync(AuthClusterFixture fixture, string domain) =>
        _lastId = await InsertAsync(fixture, domain, "transformer_exception", "{}");

    /// <summary>Stores an error record (counter included) as ingestion would; returns its id.</summary>
    public static async Task<string> InsertAsync(AuthClusterFixture fixture, string domain, string category, string raw)
    {
        var id = $"error_apitest_{Guid.NewGuid():N}";
        await using var db = NpgsqlDataSource.Create(fixture.Cluster.PostgresConnectionString);
        await using var cmd = db.CreateCommand("""
            INSERT INTO upt_errors (id, domain, category, message, object_type, raw) VALUES (@id, @d, @c, 'stored by a test', 'guest_profile', @raw);
            INSERT INTO upt_counters (domain, counter, shard, value) VALUES (@d, 'errors', -2, 1)
            ON CONFLICT (domain, counter, shard) DO UPDATE SET value = upt_counters.value + 1;
            """);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("c", category);
        cmd.Parameters.AddWithValue("raw", raw);
        await cmd.ExecuteNonQueryAsync();
        return id;
    }

    /// <summary>Waits until <paramref name="domain"/> has <paramref name="count"/> stored error records (read from the database: no caller grant needed).</summary>
    public static async Task WaitForStoredAsync(AuthClusterFixture fixture, string domain, long count)
    {
        await using var db = NpgsqlDataSource.Create(fixture.Cluster.PostgresConnectionString);
        await Upt.TestSupport.Eventually.WaitAsync(async () =>
        {
            await using var cmd = db.CreateCommand("SELECT count(*) FROM upt_errors WHERE domain = @d");
            cmd.Parameters.AddWithValue("d", domain);
            return (long)(await cmd.ExecuteScalarAsync())!;
        }, n => n == count, TimeSpan.FromMinutes(2), $"{count} stored error records of {domain}");
    }

    /// <summary>An envelope of <paramref name="objectType"/> for <paramref name="domain"/>.</summary>
    public static JsonObject Envelope(string domain, string objectType, JsonObject data) => new()
    {
        ["objectType"] = objectType,
        ["modelVersion"] = "1.0",
        ["domain"] = domain,
        ["mode"] = "",
        ["data"] = data,
        ["uid"] = Guid.NewGuid().ToString(),
    };

    /// <summary>Puts <paramref name="envelopes"/> on the cluster's stream, in order, under one partition key.</summary>
    public static async Task SendAsync(AuthClusterFixture fixture, string partitionKey, params JsonObject[] envelopes)
    {
        using var kinesis = fixture.Cluster.CreateKinesisClient();
        foreach (var envelope in envelopes)
        {
            await kinesis.PutRecordAsync(fixture.Cluster.StreamName, Encoding.UTF8.GetBytes(envelope.ToJsonString()), partitionKey);
        }
    }
}
