using Npgsql;
using Upt.Storage;

namespace Upt.Cli.MatchEval;

/// <summary>What match-eval reads back from PostgreSQL once every record is ingested.</summary>
internal sealed class MatchEvalDatabase(string connectionString, string domain)
{
    /// <summary>Each traveller's profile, following <c>upt_profiles.merged_into</c> forwards to the live profile.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ProfilesByTravellerAsync(CancellationToken cancellationToken)
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        var forward = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var cmd = db.CreateCommand("SELECT profile_id, merged_into FROM upt_profiles WHERE domain = @d AND merged_into IS NOT NULL"))
        {
            cmd.Parameters.AddWithValue("d", domain);
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                forward[reader.GetString(0)] = reader.GetString(1);
            }
        }

        var profiles = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var cmd = db.CreateCommand("SELECT traveller_id, profile_id FROM upt_travellers WHERE domain = @d"))
        {
            cmd.Parameters.AddWithValue("d", domain);
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var profile = reader.GetString(1);
                for (var hops = 0; hops < 100 && forward.TryGetValue(profile, out var next); hops++)
                {
                    profile = next;
                }

                profiles[reader.GetString(0)] = profile;
            }
        }

        return profiles;
    }

    /// <summary>AI merges of the domain in <c>upt_merge_history</c>; 0 while that table does not exist.</summary>
    public async Task<long> AiMergesAsync(CancellationToken cancellationToken)
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        await using (var exists = db.CreateCommand("SELECT to_regclass('upt_merge_history') IS NOT NULL"))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
            {
                return 0;
            }
        }

        await using var cmd = db.CreateCommand("SELECT count(*) FROM upt_merge_history WHERE domain = @d AND merge_type = 'ai'");
        cmd.Parameters.AddWithValue("d", domain);
        return (long)(await cmd.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Every stored match pair of the domain (to review or false positive).</summary>
    public async Task<long> MatchPairsAsync(CancellationToken cancellationToken)
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        return (await new MatchPairStore(db).CountAsync(domain, cancellationToken)).Total;
    }
}
