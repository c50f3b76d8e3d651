using Npgsql;

namespace Upt.Grains.Tests;

/// <summary>Reads a domain's merge history rows straight from <c>upt_merge_history</c>, oldest first.</summary>
internal static class FuzzyHistory
{
    public sealed record Row(string Type, string Absorbed, string? Survivor, double? Score, double ConfidenceFactor);

    public static async Task<IReadOnlyList<Row>> ReadAsync(NpgsqlDataSource db, string domain)
    {
        await using var cmd = db.CreateCommand("""
            SELECT merge_type, absorbed_profile_id, survivor_profile_id, score, confidence_factor
            FROM upt_merge_history WHERE domain = @d ORDER BY id
            """);
        cmd.Parameters.AddWithValue("d", domain);
        var rows = new List<Row>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetDouble(3), reader.GetDouble(4)));
        }

        return rows;
    }
}
