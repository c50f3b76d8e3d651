using Npgsql;
using NpgsqlTypes;

namespace Upt.Storage;

/// <summary>
/// Fuzzy-matching block membership (<c>upt_match_blocks</c>): which profiles share a blocking key. Each block grain
/// writes only its own rows; a profile's rows are read to find the blocks it must leave when its keys change.
/// </summary>
public sealed class MatchBlockStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Up to <paramref name="limit"/> members of a block with their profiles' current rows (fields and merge state),
    /// so the block can rebuild their candidates and drop members that were merged away or deleted.
    /// </summary>
    public async Task<IReadOnlyList<BlockMemberRow>> LoadMembersAsync(string domain, string blockKey, int limit, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT b.profile_id, p.fields::text, p.merged_into
            FROM upt_match_blocks b
            LEFT JOIN upt_profiles p ON p.domain = b.domain AND p.profile_id = b.profile_id
            WHERE b.domain = @d AND b.block_key = @k
            ORDER BY b.profile_id
            LIMIT @l
            """);
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("k", blockKey);
        cmd.Parameters.AddWithValue("l", limit);
        var rows = new List<BlockMemberRow>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new BlockMemberRow(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return rows;
    }

    /// <summary>Adds a member (nothing happens when it is one already).</summary>
    public async Task AddMemberAsync(string domain, string blockKey, string profileId, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO upt_match_blocks (domain, block_key, profile_id) VALUES (@d, @k, @p) ON CONFLICT DO NOTHING
            """);
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("k", blockKey);
        cmd.Parameters.AddWithValue("p", profileId);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Removes members of a block; returns how many were stored.</summary>
    public async Task<int> RemoveMembersAsync(string domain, string blockKey, IReadOnlyCollection<string> profileIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profileIds);
        if (profileIds.Count == 0)
        {
            return 0;
        }

        await using var cmd = dataSource.CreateCommand("DELETE FROM upt_match_blocks WHERE domain = @d AND block_key = @k AND profile_id = ANY(@p)");
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("k", blockKey);
        cmd.Parameters.Add(new NpgsqlParameter("p", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = profileIds.ToArray() });
        return await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The keys of the blocks a profile is stored in, sorted.</summary>
    public async Task<IReadOnlyList<string>> BlocksOfAsync(string domain, string profileId, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT block_key FROM upt_match_blocks WHERE domain = @d AND profile_id = @p ORDER BY block_key");
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("p", profileId);
        var keys = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }
}
