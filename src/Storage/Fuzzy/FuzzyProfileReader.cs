using Npgsql;
using NpgsqlTypes;

namespace Upt.Storage;

/// <summary>
/// The reads fuzzy matching needs beyond single profiles: which ids are still live, the merge cluster behind a live
/// profile (for the chaining guard), false-positive marks between two clusters, and pages of live profiles for a full pass.
/// </summary>
public sealed class FuzzyProfileReader(NpgsqlDataSource dataSource)
{
    /// <summary>A cluster walk stops this deep: real merge chains are short, and a cycle in corrupt data must not spin.</summary>
    private const int MaxClusterDepth = 64;

    /// <summary>The ids among <paramref name="profileIds"/> that exist and are not merged into another profile.</summary>
    public async Task<IReadOnlySet<string>> LiveAmongAsync(string domain, IReadOnlyCollection<string> profileIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profileIds);
        var live = new HashSet<string>(StringComparer.Ordinal);
        if (profileIds.Count == 0)
        {
            return live;
        }

        await using var cmd = dataSource.CreateCommand("""
            SELECT profile_id FROM upt_profiles WHERE domain = @d AND profile_id = ANY(@p) AND merged_into IS NULL
            """);
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.Add(TextArray("p", profileIds));
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            live.Add(reader.GetString(0));
        }

        return live;
    }

    /// <summary>
    /// The profile and every profile merged into it, directly or through others (their fields as they were when
    /// absorbed), at most <paramref name="limit"/> rows, the profile itself first. Empty when the profile does not exist.
    /// </summary>
    public async Task<IReadOnlyList<ClusterMemberRow>> ClusterAsync(string domain, string profileId, int limit, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            WITH RECURSIVE cluster(profile_id, fields, depth) AS (
                SELECT profile_id, fields, 0 FROM upt_profiles WHERE domain = @d AND profile_id = @p
                UNION ALL
                SELECT pr.profile_id, pr.fields, c.depth + 1
                FROM cluster c JOIN upt_profiles pr ON pr.domain = @d AND pr.merged_into = c.profile_id
                WHERE c.depth < @depth
            )
            SELECT profile_id, fields::text FROM cluster ORDER BY depth, profile_id LIMIT @l
            """);
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("p", profileId);
        cmd.Parameters.AddWithValue("depth", MaxClusterDepth);
        cmd.Parameters.AddWithValue("l", limit);
        var rows = new List<ClusterMemberRow>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ClusterMemberRow(reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    /// <summary>True when an operator marked a pair with one profile in each list false positive.</summary>
    public async Task<bool> AnyFalsePositiveAsync(string domain, IReadOnlyCollection<string> profileIds, IReadOnlyCollection<string> otherProfileIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profileIds);
        ArgumentNullException.ThrowIfNull(otherProfileIds);
        if (profileIds.Count == 0 || otherProfileIds.Count == 0)
        {
            return false;
        }

        await using var cmd = dataSource.CreateCommand("""
            SELECT EXISTS (
                SELECT 1 FROM upt_match_pairs
                WHERE domain = @d AND false_positive
                  AND ((profile_a = ANY(@x) AND profile_b = ANY(@y)) OR (profile_a = ANY(@y) AND profile_b = ANY(@x))))
            """);
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.Add(TextArray("x", profileIds));
        cmd.Parameters.Add(TextArray("y", otherProfileIds));
        return (bool)(await cmd.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Up to <paramref name="limit"/> live profile ids after <paramref name="afterProfileId"/> (null: from the start), in id order.</summary>
    public async Task<IReadOnlyList<string>> LiveProfileIdsAsync(string domain, string? afterProfileId, int limit, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT profile_id FROM upt_profiles
            WHERE domain = @d AND merged_into IS NULL AND (@after::text IS NULL OR profile_id > @after)
            ORDER BY profile_id LIMIT @l
            """);
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.Add(new NpgsqlParameter("after", NpgsqlDbType.Text) { Value = (object?)afterProfileId ?? DBNull.Value });
        cmd.Parameters.AddWithValue("l", limit);
        var ids = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static NpgsqlParameter TextArray(string name, IEnumerable<string> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };
}
