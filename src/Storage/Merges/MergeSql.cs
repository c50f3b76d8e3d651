namespace Upt.Storage;

/// <summary>The statements of <see cref="MergeHistoryStore"/>. Every walk is one recursive query, whatever the depth.</summary>
internal static class MergeSql
{
    private const string MergeEdge = "merge_type IN ('rule', 'ai', 'manual')";

    public const string HistoryColumns =
        "id, merge_type, absorbed_profile_id, survivor_profile_id, confidence_factor, rule_id, rule_set_version, operator_id, score, context::text, at";

    /// <summary>
    /// The rows of the forwarding chain from @p to its live profile (tombstone by tombstone), locked. They are re-read
    /// under the lock, so the caller can tell from a broken chain that a merge committed meanwhile. Every recursive
    /// step here is an index lookup per row reached (the OFFSET 0 keeps the planner from turning it into a join that
    /// scans the whole domain at each step), so walks cost their depth, not the domain's size.
    /// </summary>
    public const string LockChain = """
        WITH RECURSIVE chain(profile_id, merged_into, depth) AS (
            SELECT profile_id, merged_into, 0 FROM upt_profiles WHERE domain = @d AND profile_id = @p
            UNION ALL
            SELECT pr.profile_id, pr.merged_into, c.depth + 1
            FROM chain c CROSS JOIN LATERAL (
                SELECT profile_id, merged_into FROM upt_profiles WHERE domain = @d AND profile_id = c.merged_into OFFSET 0) pr
            WHERE c.depth < 100000
        )
        SELECT profile_id, merged_into FROM upt_profiles
        WHERE domain = @d AND profile_id = ANY(ARRAY(SELECT profile_id FROM chain))
        ORDER BY profile_id
        FOR UPDATE
        """;

    /// <summary>
    /// UPT's unmerge lineage of @x (upt-core §4.5 step 1): parent→child merge edges counted, every recorded unmerge of a
    /// child taken off the count of each of its parents' edges, and the profiles reachable from @x over edges still
    /// counted above zero (@x included). UPT first collects all descendants, then searches them; one walk that checks
    /// each edge as it reaches it gives the same set, because only edges out of reached profiles can matter.
    /// </summary>
    public const string Lineage = $"""
        WITH RECURSIVE lineage(id) AS (
            SELECT @x::text
            UNION
            SELECT e.child
            FROM lineage n CROSS JOIN LATERAL (
                SELECT h.absorbed_profile_id AS child FROM upt_merge_history h
                WHERE h.domain = @d AND h.survivor_profile_id = n.id AND h.{MergeEdge}
                GROUP BY h.absorbed_profile_id
                HAVING count(*) > (SELECT count(*) FROM upt_merge_history u
                                   WHERE u.domain = @d AND u.absorbed_profile_id = h.absorbed_profile_id AND u.merge_type = 'unmerge')
            ) e
        )
        SELECT id FROM lineage
        """;

    /// <summary>Moves the lineage's travellers (by original id) that the parent holds to @x.</summary>
    public const string MoveTravellers = """
        UPDATE upt_travellers SET profile_id = @x
        WHERE domain = @d AND original_profile_id = ANY(@s) AND profile_id = @root
        RETURNING traveller_id
        """;

    /// <summary>
    /// Moves the objects of the moved travellers (@t, sent as a value so that PostgreSQL checks membership by hashing)
    /// to @x: one pass over the parent's objects, where a join with the travellers just updated would be planned as a
    /// nested loop over both.
    /// </summary>
    public const string MoveObjects = """
        UPDATE upt_objects SET profile_id = @x, updated_at = now()
        WHERE domain = @d AND profile_id = @root AND traveller_id = ANY(@t)
        """;

    public const string Resurrect = "UPDATE upt_profiles SET merged_into = NULL, updated_at = now() WHERE domain = @d AND profile_id = @x";

    public const string InsertHistory = """
        INSERT INTO upt_merge_history (domain, absorbed_profile_id, survivor_profile_id, merge_type, operator_id, context)
        VALUES (@d, @x, @into, @ty, @op, @ctx::jsonb)
        """;

    public const string AddProfiles = $"{CounterSql.Insert} VALUES (@d, 'profiles', @shard, @n) {CounterSql.Accumulate}";

    /// <summary>Adds a negative link, or widens an existing one with the new evidence.</summary>
    /// <remarks>Marks both profiles' state (see ProfileState.UnmergeBlocked): rule resolution checks blocks only for marked profiles.</remarks>
    public const string Block = """
        WITH marked AS (
            UPDATE upt_profiles SET fields = jsonb_set(fields, '{unmergeBlocked}', 'true')
            WHERE domain = @d AND profile_id IN (@a, @b)
        )
        INSERT INTO upt_unmerge_blocks (domain, profile_a, profile_b, evidence)
        VALUES (@d, LEAST(@a, @b), GREATEST(@a, @b), ARRAY(SELECT DISTINCT e FROM unnest(@ev::text[]) AS e ORDER BY 1))
        ON CONFLICT (domain, profile_a, profile_b) DO UPDATE
            SET evidence = ARRAY(SELECT DISTINCT e FROM unnest(upt_unmerge_blocks.evidence || EXCLUDED.evidence) AS e ORDER BY 1)
        """;

    public const string IsBlocked = """
        SELECT EXISTS (
            SELECT 1 FROM upt_unmerge_blocks
            WHERE domain = @d AND profile_a = LEAST(@a, @b) AND profile_b = GREATEST(@a, @b) AND @ev::text[] <@ evidence)
        """;

    public const string ClearBlock = "DELETE FROM upt_unmerge_blocks WHERE domain = @d AND profile_a = LEAST(@a, @b) AND profile_b = GREATEST(@a, @b)";

    /// <summary>
    /// The merges that lead from @p to its current parent: from each profile, its latest history row as the absorbed
    /// side; the walk goes on while that row is a merge (an unmerge or delete ends it).
    /// </summary>
    public const string Ancestors = $"""
        WITH RECURSIVE up(id, merge_type, absorbed_profile_id, survivor_profile_id, confidence_factor, rule_id, rule_set_version,
                          operator_id, score, context, at, depth) AS (
            SELECT h.*, 0 FROM (
                SELECT {HistoryColumns} FROM upt_merge_history
                WHERE domain = @d AND absorbed_profile_id = @p ORDER BY id DESC LIMIT 1) h
            UNION ALL
            SELECT n.*, up.depth + 1
            FROM up CROSS JOIN LATERAL (
                SELECT {HistoryColumns} FROM upt_merge_history
                WHERE domain = @d AND absorbed_profile_id = up.survivor_profile_id ORDER BY id DESC LIMIT 1) n
            WHERE up.{MergeEdge} AND up.depth < 100000
        )
        SELECT id, merge_type, absorbed_profile_id, survivor_profile_id, confidence_factor, rule_id, rule_set_version,
               operator_id, score, context, at
        FROM up WHERE {MergeEdge} ORDER BY depth
        """;

    public const string History = $"""
        SELECT {HistoryColumns} FROM upt_merge_history
        WHERE domain = @d AND (absorbed_profile_id = @p OR survivor_profile_id = @p) ORDER BY id
        """;

    /// <summary>Deletes @p's profile row, the tombstones forwarding to it and all their lookups and negative links; profiles counter −1.</summary>
    public const string DeleteProfileRows = $"""
        WITH RECURSIVE forwarding(profile_id) AS (
            SELECT @p::text
            UNION
            SELECT pr.profile_id
            FROM forwarding f CROSS JOIN LATERAL (
                SELECT profile_id FROM upt_profiles WHERE domain = @d AND merged_into = f.profile_id OFFSET 0) pr
        ), gone AS (
            DELETE FROM upt_profiles pr USING forwarding f WHERE pr.domain = @d AND pr.profile_id = f.profile_id
            RETURNING pr.profile_id, pr.merged_into
        ), lookups AS (
            DELETE FROM upt_lookups l USING forwarding f WHERE l.domain = @d AND l.profile_id = f.profile_id
            RETURNING 1
        ), blocks AS (
            DELETE FROM upt_unmerge_blocks b USING forwarding f
            WHERE b.domain = @d AND (b.profile_a = f.profile_id OR b.profile_b = f.profile_id)
        ), counted AS (
            {CounterSql.Insert}
            SELECT @d, 'profiles', @shard, -count(*) FROM gone WHERE merged_into IS NULL
            {CounterSql.Accumulate}
        )
        SELECT (SELECT count(*) FROM lookups), ARRAY(SELECT profile_id FROM gone WHERE merged_into IS NOT NULL)
        """;

    /// <summary>Deletes @p's objects; each type's counter goes down by the rows actually deleted.</summary>
    public const string DeleteObjects = $"""
        WITH gone AS (
            DELETE FROM upt_objects WHERE domain = @d AND profile_id = @p RETURNING object_type
        ), per_type AS (
            SELECT object_type, count(*) AS n FROM gone GROUP BY object_type
        ), counted AS (
            {CounterSql.Insert}
            SELECT @d, 'objects:' || object_type, @shard, -n FROM per_type ORDER BY object_type
            {CounterSql.Accumulate}
        )
        SELECT object_type, n FROM per_type
        """;

    public const string DeleteTravellers = "DELETE FROM upt_travellers WHERE domain = @d AND profile_id = @p RETURNING traveller_id";
}
