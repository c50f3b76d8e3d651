using Npgsql;
using NpgsqlTypes;

namespace Upt.Storage;

/// <summary>
/// Finds and erases what Upt's own tables hold about one subject of a privacy request (GDPR search and purge). The
/// profile itself (objects, travellers, lookups, its row and tombstones) is deleted by
/// <see cref="MergeHistoryStore.DeleteProfileAsync"/>; the erasures here cover what a profile delete keeps or never
/// touches (history, match pairs, blocks) and what a delete may leave behind; error records go through
/// <see cref="ErrorStore.DeleteAsync"/>.
/// </summary>
public sealed class SubjectStore(NpgsqlDataSource dataSource)
{
    private const string MergeEdge = "merge_type IN ('rule', 'ai', 'manual')";

    // A walk stops this deep: real chains are short, and corrupt data must not spin.
    private const int MaxDepth = 10_000;
    private const int MaxIds = 100_000;

    /// <summary>
    /// The subject of <paramref name="connectId"/>: the live profile it resolves to, every tombstone forwarding to that
    /// profile, the ids the merge history shows were merged into them and are deleted since (and, when the connect id
    /// itself is deleted, the deleted profiles it had been merged into), plus <paramref name="knownIds"/> (the ids a
    /// purge resolved before it deleted them, so its check looks where the data was).
    /// </summary>
    public async Task<SubjectIds> ResolveAsync(string domain, string connectId, IReadOnlyCollection<string>? knownIds = null, CancellationToken cancellationToken = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(cancellationToken);
        var live = await ScalarTextAsync(conn, """
            WITH RECURSIVE up(profile_id, merged_into, depth) AS (
                SELECT profile_id, merged_into, 0 FROM upt_profiles WHERE domain = @d AND profile_id = @p
                UNION ALL
                SELECT pr.profile_id, pr.merged_into, up.depth + 1
                FROM up CROSS JOIN LATERAL (
                    SELECT profile_id, merged_into FROM upt_profiles WHERE domain = @d AND profile_id = up.merged_into OFFSET 0) pr
                WHERE up.depth < @max
            )
            SELECT profile_id FROM up WHERE merged_into IS NULL LIMIT 1
            """, cancellationToken, ("d", domain), ("p", connectId), ("max", MaxDepth));

        var ids = new SortedSet<string>(StringComparer.Ordinal) { connectId };
        ids.UnionWith(knownIds ?? []);
        ids.UnionWith(await TextsAsync(conn, """
            WITH RECURSIVE fwd(profile_id) AS (
                SELECT @p::text
                UNION
                SELECT pr.profile_id FROM fwd f CROSS JOIN LATERAL (
                    SELECT profile_id FROM upt_profiles WHERE domain = @d AND merged_into = f.profile_id OFFSET 0) pr
            )
            SELECT profile_id FROM fwd LIMIT @max
            """, cancellationToken, ("d", domain), ("p", live ?? connectId), ("max", MaxIds)));

        if (live is null)
        {
            // A deleted connect id: its data went with the (deleted) profiles it had been merged into.
            await WalkDeletedAsync(conn, domain, ids, $"""
                SELECT DISTINCT h.survivor_profile_id FROM upt_merge_history h
                WHERE h.domain = @d AND h.absorbed_profile_id = ANY(@f) AND h.{MergeEdge}
                  AND NOT EXISTS (SELECT 1 FROM upt_profiles p WHERE p.domain = @d AND p.profile_id = h.survivor_profile_id)
                """, cancellationToken);
        }

        await WalkDeletedAsync(conn, domain, ids, $"""
            SELECT DISTINCT h.absorbed_profile_id FROM upt_merge_history h
            WHERE h.domain = @d AND h.survivor_profile_id = ANY(@f) AND h.{MergeEdge}
              AND NOT EXISTS (SELECT 1 FROM upt_profiles p WHERE p.domain = @d AND p.profile_id = h.absorbed_profile_id)
            """, cancellationToken);

        var travellers = live is null ? [] : await TextsAsync(conn,
            "SELECT traveller_id FROM upt_travellers WHERE domain = @d AND profile_id = @p ORDER BY traveller_id", cancellationToken, ("d", domain), ("p", live));
        return new SubjectIds(connectId, live, ids.ToList(), travellers);
    }

    /// <summary>Everything the tables hold about <paramref name="ids"/>; <paramref name="needles"/> are matched inside error records' raw payloads.</summary>
    public async Task<SubjectFootprint> FootprintAsync(string domain, SubjectIds ids, IReadOnlyList<string> needles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await using var conn = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(conn);
        var p = ("p", (object?)ids.ProfileIds.ToArray());
        var d = ("d", (object?)domain);
        batch.BatchCommands.Add(Command("SELECT profile_id, merged_into FROM upt_profiles WHERE domain = @d AND profile_id = ANY(@p) ORDER BY profile_id", d, p));
        batch.BatchCommands.Add(Command("""
            SELECT count(*) FROM upt_travellers WHERE domain = @d AND (profile_id = ANY(@p) OR traveller_id = ANY(@t))
            """, d, p, ("t", ids.TravellerIds.ToArray())));
        batch.BatchCommands.Add(Command("""
            SELECT object_type, count(*) FROM upt_objects WHERE domain = @d AND profile_id = ANY(@p) GROUP BY object_type ORDER BY object_type
            """, d, p));
        batch.BatchCommands.Add(Command("SELECT kind, value FROM upt_lookups WHERE domain = @d AND profile_id = ANY(@p) ORDER BY kind, value", d, p));
        batch.BatchCommands.Add(Command("""
            SELECT count(*) FROM upt_merge_history WHERE domain = @d AND (absorbed_profile_id = ANY(@p) OR survivor_profile_id = ANY(@p))
            """, d, p));
        batch.BatchCommands.Add(Command("SELECT count(*) FROM upt_unmerge_blocks WHERE domain = @d AND (profile_a = ANY(@p) OR profile_b = ANY(@p))", d, p));
        batch.BatchCommands.Add(Command("""
            SELECT profile_a, profile_b FROM upt_match_pairs WHERE domain = @d AND (profile_a = ANY(@p) OR profile_b = ANY(@p)) ORDER BY 1, 2
            """, d, p));
        batch.BatchCommands.Add(Command("SELECT profile_id, block_key FROM upt_match_blocks WHERE domain = @d AND profile_id = ANY(@p) ORDER BY 1, 2", d, p));
        batch.BatchCommands.Add(Command("""
            SELECT id FROM upt_errors
            WHERE domain = @d AND (traveller_id = ANY(@t) OR EXISTS (SELECT 1 FROM unnest(@n::text[]) AS n(v) WHERE strpos(raw, n.v) > 0))
            ORDER BY id
            """, d, ("t", ids.TravellerIds.ToArray()), ("n", needles.ToArray())));

        var profiles = new List<(string, string?)>();
        var objects = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var lookups = new List<(string, string)>();
        var pairs = new List<(string, string)>();
        var blocks = new List<(string, string)>();
        var errors = new List<string>();
        long travellers, history, unmergeBlocks;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                profiles.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
            }

            travellers = await ReadCountAsync(reader, cancellationToken);
            await ReadPairsAsync(reader, objects, cancellationToken);
            await ReadTextPairsAsync(reader, lookups, cancellationToken);
            history = await ReadCountAsync(reader, cancellationToken);
            unmergeBlocks = await ReadCountAsync(reader, cancellationToken);
            await ReadTextPairsAsync(reader, pairs, cancellationToken);
            await ReadTextPairsAsync(reader, blocks, cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                errors.Add(reader.GetString(0));
            }
        }

        return new SubjectFootprint(ids, profiles, travellers, objects, lookups, history, unmergeBlocks, pairs, blocks, errors);
    }

    /// <summary>Deletes the match pairs of the subject's profile ids, in both directions; returns how many.</summary>
    public Task<int> DeleteMatchPairsAsync(string domain, IReadOnlyList<string> profileIds, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM upt_match_pairs WHERE domain = @d AND (profile_a = ANY(@p) OR profile_b = ANY(@p))", domain, profileIds, cancellationToken);

    /// <summary>Deletes the fuzzy block memberships of the subject's profile ids; returns how many.</summary>
    public Task<int> DeleteBlockMembershipsAsync(string domain, IReadOnlyList<string> profileIds, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM upt_match_blocks WHERE domain = @d AND profile_id = ANY(@p)", domain, profileIds, cancellationToken);

    /// <summary>Deletes lookup rows left under the subject's profile ids (a profile delete removes its own; this catches the rest); returns how many.</summary>
    public Task<int> DeleteLookupsAsync(string domain, IReadOnlyList<string> profileIds, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM upt_lookups WHERE domain = @d AND profile_id = ANY(@p)", domain, profileIds, cancellationToken);

    /// <summary>
    /// Deletes the merge history rows where a subject id is either side (its merges, unmerges and the delete row a
    /// profile delete wrote) and its negative links, in one transaction; returns how many rows went.
    /// </summary>
    public async Task<int> DeleteHistoryAsync(string domain, IReadOnlyList<string> profileIds, CancellationToken cancellationToken = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(conn, tx);
        var history = Command("DELETE FROM upt_merge_history WHERE domain = @d AND (absorbed_profile_id = ANY(@p) OR survivor_profile_id = ANY(@p))",
            ("d", domain), ("p", profileIds.ToArray()));
        var blocks = Command("DELETE FROM upt_unmerge_blocks WHERE domain = @d AND (profile_a = ANY(@p) OR profile_b = ANY(@p))",
            ("d", domain), ("p", profileIds.ToArray()));
        batch.BatchCommands.Add(history);
        batch.BatchCommands.Add(blocks);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return history.RecordsAffected + blocks.RecordsAffected;
    }

    /// <summary>Adds to <paramref name="ids"/>, breadth first, the deleted profiles <paramref name="step"/> reaches from them (@f: the frontier).</summary>
    private static async Task WalkDeletedAsync(NpgsqlConnection conn, string domain, SortedSet<string> ids, string step, CancellationToken cancellationToken)
    {
        var frontier = ids.ToList();
        for (var depth = 0; frontier.Count > 0 && depth < MaxDepth && ids.Count < MaxIds; depth++)
        {
            var next = (await TextsAsync(conn, step, cancellationToken, ("d", domain), ("f", frontier.ToArray()))).Where(ids.Add).ToList();
            frontier = next;
        }
    }

    private async Task<int> ExecuteAsync(string sql, string domain, IReadOnlyList<string> profileIds, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        AddParameters(cmd.Parameters, ("d", domain), ("p", profileIds.ToArray()));
        return await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<string?> ScalarTextAsync(NpgsqlConnection conn, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        AddParameters(cmd.Parameters, parameters);
        return await cmd.ExecuteScalarAsync(cancellationToken) as string;
    }

    private static async Task<List<string>> TextsAsync(NpgsqlConnection conn, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        AddParameters(cmd.Parameters, parameters);
        var list = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(reader.GetString(0));
        }

        return list;
    }

    private static async Task ReadPairsAsync(NpgsqlDataReader reader, IDictionary<string, long> into, CancellationToken cancellationToken)
    {
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            into[reader.GetString(0)] = reader.GetInt64(1);
        }
    }

    private static async Task ReadTextPairsAsync(NpgsqlDataReader reader, List<(string, string)> into, CancellationToken cancellationToken)
    {
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            into.Add((reader.GetString(0), reader.GetString(1)));
        }
    }

    private static async Task<long> ReadCountAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.GetInt64(0);
    }

    private static NpgsqlBatchCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        AddParameters(command.Parameters, parameters);
        return command;
    }

    private static void AddParameters(NpgsqlParameterCollection parameters, params (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            parameters.Add(value switch
            {
                null => new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = DBNull.Value },
                string[] texts => new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = texts },
                _ => new NpgsqlParameter(name, value),
            });
        }
    }
}
