using Npgsql;
using NpgsqlTypes;

namespace Upt.Storage;

/// <summary>
/// Turns a set of pending writes into one transaction of multi-row statements (unnest of arrays).
/// Keys are de-duplicated (last write wins) because one INSERT .. ON CONFLICT may not touch a row twice,
/// and rows are sorted so that concurrent flushes take row locks in the same order.
/// </summary>
internal static class WriteBatch
{
    private const string ObjectsSql = $"""
        WITH up AS (
            INSERT INTO upt_objects (domain, object_type, traveller_id, object_id, profile_id, data, last_updated)
            SELECT * FROM unnest(@d::text[], @ty::text[], @t::text[], @o::text[], @p::text[], @data::jsonb[], @lu::timestamptz[])
            ON CONFLICT (domain, object_type, traveller_id, object_id) DO UPDATE
                SET data = EXCLUDED.data, last_updated = EXCLUDED.last_updated, profile_id = EXCLUDED.profile_id, updated_at = now()
                WHERE upt_objects.data IS DISTINCT FROM EXCLUDED.data OR upt_objects.profile_id IS DISTINCT FROM EXCLUDED.profile_id
            RETURNING domain, object_type, traveller_id, object_id, (xmax = 0) AS inserted
        ), counted AS (
            {CounterSql.Insert}
            SELECT domain, 'objects:' || object_type, @shard, count(*) FROM up WHERE inserted
            GROUP BY domain, object_type ORDER BY domain, object_type
            {CounterSql.Accumulate}
        )
        SELECT domain, object_type, traveller_id, object_id, inserted FROM up
        """;

    private const string TravellersSql = """
        INSERT INTO upt_travellers (domain, traveller_id, profile_id, original_profile_id)
        SELECT d, t, p, p FROM unnest(@d::text[], @t::text[], @p::text[]) AS x(d, t, p)
        ON CONFLICT (domain, traveller_id) DO NOTHING
        """;

    private const string ProfilesSql = $"""
        WITH up AS (
            INSERT INTO upt_profiles (domain, profile_id, fields)
            SELECT * FROM unnest(@d::text[], @p::text[], @f::jsonb[])
            ON CONFLICT (domain, profile_id) DO UPDATE SET fields = EXCLUDED.fields, updated_at = now()
            RETURNING domain, (xmax = 0) AS inserted
        )
        {CounterSql.Insert}
        SELECT domain, 'profiles', @shard, count(*) FROM up WHERE inserted GROUP BY domain ORDER BY domain
        {CounterSql.Accumulate}
        """;

    private const string RemoveLookupsSql = """
        DELETE FROM upt_lookups l USING unnest(@d::text[], @k::text[], @v::text[], @p::text[]) AS x(d, k, v, p)
        WHERE l.domain = x.d AND l.kind = x.k AND l.value = x.v AND l.profile_id = x.p
        """;

    private const string AddLookupsSql = """
        INSERT INTO upt_lookups (domain, kind, value, profile_id)
        SELECT * FROM unnest(@d::text[], @k::text[], @v::text[], @p::text[])
        ON CONFLICT DO NOTHING
        """;

    // Absorbing runs first in the transaction so that this flush's own rows for the survivor land after the re-point.
    private const string AbsorbSql = $"""
        WITH moved_objects AS (
            UPDATE upt_objects o SET profile_id = x.p, updated_at = now()
            FROM unnest(@d::text[], @f::text[], @p::text[]) AS x(d, f, p)
            WHERE o.domain = x.d AND o.profile_id = x.f
            RETURNING 1
        ), moved_travellers AS (
            UPDATE upt_travellers t SET profile_id = x.p
            FROM unnest(@d::text[], @f::text[], @p::text[]) AS x(d, f, p)
            WHERE t.domain = x.d AND t.profile_id = x.f
            RETURNING 1
        ), kept_object_rule_lookups AS (
            -- Object-level rule keys belong to the objects, not to the fields the survivor recomputes: they move with them.
            INSERT INTO upt_lookups (domain, kind, value, profile_id)
            SELECT l.domain, l.kind, l.value, x.p
            FROM upt_lookups l JOIN unnest(@d::text[], @f::text[], @p::text[]) AS x(d, f, p) ON l.domain = x.d AND l.profile_id = x.f
            WHERE l.kind LIKE 'ruleo:%'
            ON CONFLICT DO NOTHING
            RETURNING 1
        ), dropped_lookups AS (
            DELETE FROM upt_lookups l USING unnest(@d::text[], @f::text[]) AS x(d, f)
            WHERE l.domain = x.d AND l.profile_id = x.f
            RETURNING 1
        ), tombstones AS (
            UPDATE upt_profiles pr SET merged_into = x.p, updated_at = now()
            FROM unnest(@d::text[], @f::text[], @p::text[]) AS x(d, f, p)
            WHERE pr.domain = x.d AND pr.profile_id = x.f AND pr.merged_into IS NULL
            RETURNING pr.domain, pr.profile_id, pr.merged_into
        ), history AS (
            -- Only profiles that became tombstones here: a re-delivered absorb of an already merged profile records nothing.
            INSERT INTO upt_merge_history (domain, absorbed_profile_id, survivor_profile_id, merge_type, confidence_factor,
                                           rule_id, rule_set_version, operator_id, score, context)
            SELECT t.domain, t.profile_id, t.merged_into, m.ty, m.cf, m.rid, m.rsv, m.op, m.sc, m.ctx
            FROM tombstones t
            JOIN unnest(@d::text[], @f::text[], @ty::text[], @cf::float8[], @rid::text[], @rsv::text[], @op::text[], @sc::float8[], @ctx::jsonb[])
                AS m(d, f, ty, cf, rid, rsv, op, sc, ctx) ON m.d = t.domain AND m.f = t.profile_id
            ORDER BY t.domain, t.profile_id
        )
        {CounterSql.Insert}
        SELECT domain, 'profiles', @shard, -count(*) FROM tombstones GROUP BY domain ORDER BY domain
        {CounterSql.Accumulate}
        """;

    private const string ErrorsSql = $"""
        WITH ins AS (
            INSERT INTO upt_errors (id, domain, category, message, object_type, traveller_id, transaction_id, raw, created_at)
            SELECT * FROM unnest(@id::text[], @d::text[], @c::text[], @m::text[], @ty::text[], @t::text[], @tx::text[], @raw::text[], @at::timestamptz[])
            ON CONFLICT (id) DO NOTHING
            RETURNING domain
        )
        {CounterSql.Insert}
        SELECT domain, 'errors', @shard, count(*) FROM ins GROUP BY domain ORDER BY domain
        {CounterSql.Accumulate}
        """;

    public static async Task<WriteResult[]> ExecuteAsync(NpgsqlDataSource dataSource, IReadOnlyList<PendingWrite> batch, int shard)
    {
        var objects = new SortedDictionary<(string D, string Ty, string T, string O), (string P, ObjectRow Row, int Owner)>();
        var travellers = new SortedDictionary<(string D, string T), string>();
        var profiles = new SortedDictionary<(string D, string P), string>();
        var removeLookups = new SortedSet<(string D, string K, string V, string P)>();
        var addLookups = new SortedSet<(string D, string K, string V, string P)>();
        var errors = new SortedDictionary<string, ErrorRow>(StringComparer.Ordinal);
        var absorbed = new SortedDictionary<(string D, string F), (string P, MergeRecord Merge)>();

        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i].Profile is { } w)
            {
                foreach (var a in w.Absorbed)
                {
                    absorbed[(w.Domain, a.ProfileId)] = (w.ProfileId, a.Merge);
                }

                foreach (var t in w.NewTravellers)
                {
                    travellers[(w.Domain, t)] = w.ProfileId;
                }

                if (w.FieldsJson is not null)
                {
                    profiles[(w.Domain, w.ProfileId)] = w.FieldsJson;
                }

                foreach (var o in w.Objects)
                {
                    objects[(w.Domain, o.ObjectType, o.TravellerId, o.ObjectId)] = (w.ProfileId, o, i);
                }

                foreach (var l in w.RemoveLookups)
                {
                    removeLookups.Add((w.Domain, l.Kind, l.Value, w.ProfileId));
                }

                foreach (var l in w.AddLookups)
                {
                    removeLookups.Remove((w.Domain, l.Kind, l.Value, w.ProfileId));
                    addLookups.Add((w.Domain, l.Kind, l.Value, w.ProfileId));
                }
            }

            foreach (var e in batch[i].Errors ?? [])
            {
                errors[e.Id] = e;
            }
        }

        var changes = new List<ObjectChange>?[batch.Count];
        await using var conn = await dataSource.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        if (absorbed.Count > 0)
        {
            await using var absorb = new NpgsqlBatch(conn, tx);
            var merges = absorbed.Values.Select(v => v.Merge).ToArray();
            absorb.BatchCommands.Add(Command(AbsorbSql,
                ("d", absorbed.Keys.Select(k => k.D).ToArray(), NpgsqlDbType.Text),
                ("f", absorbed.Keys.Select(k => k.F).ToArray(), NpgsqlDbType.Text),
                ("p", absorbed.Values.Select(v => v.P).ToArray(), NpgsqlDbType.Text),
                ("ty", merges.Select(m => m.MergeType).ToArray(), NpgsqlDbType.Text),
                ("cf", merges.Select(m => m.ConfidenceFactor).ToArray(), NpgsqlDbType.Double),
                ("rid", merges.Select(m => m.RuleId).ToArray(), NpgsqlDbType.Text),
                ("rsv", merges.Select(m => m.RuleSetVersion).ToArray(), NpgsqlDbType.Text),
                ("op", merges.Select(m => m.OperatorId).ToArray(), NpgsqlDbType.Text),
                ("sc", merges.Select(m => m.Score).ToArray(), NpgsqlDbType.Double),
                ("ctx", merges.Select(m => m.ContextJson).ToArray(), NpgsqlDbType.Jsonb),
                ("shard", shard, null)));
            await absorb.ExecuteNonQueryAsync();
        }

        await using (var cmd = new NpgsqlBatch(conn, tx))
        {
            if (objects.Count > 0)
            {
                cmd.BatchCommands.Add(Command(ObjectsSql,
                    ("d", objects.Keys.Select(k => k.D).ToArray(), NpgsqlDbType.Text),
                    ("ty", objects.Keys.Select(k => k.Ty).ToArray(), NpgsqlDbType.Text),
                    ("t", objects.Keys.Select(k => k.T).ToArray(), NpgsqlDbType.Text),
                    ("o", objects.Keys.Select(k => k.O).ToArray(), NpgsqlDbType.Text),
                    ("p", objects.Values.Select(v => v.P).ToArray(), NpgsqlDbType.Text),
                    ("data", objects.Values.Select(v => v.Row.DataJson).ToArray(), NpgsqlDbType.Jsonb),
                    ("lu", objects.Values.Select(v => v.Row.LastUpdated?.ToUniversalTime()).ToArray(), NpgsqlDbType.TimestampTz),
                    ("shard", shard, null)));
            }

            if (travellers.Count > 0)
            {
                cmd.BatchCommands.Add(Command(TravellersSql,
                    ("d", travellers.Keys.Select(k => k.D).ToArray(), NpgsqlDbType.Text),
                    ("t", travellers.Keys.Select(k => k.T).ToArray(), NpgsqlDbType.Text),
                    ("p", travellers.Values.ToArray(), NpgsqlDbType.Text)));
            }

            if (profiles.Count > 0)
            {
                cmd.BatchCommands.Add(Command(ProfilesSql,
                    ("d", profiles.Keys.Select(k => k.D).ToArray(), NpgsqlDbType.Text),
                    ("p", profiles.Keys.Select(k => k.P).ToArray(), NpgsqlDbType.Text),
                    ("f", profiles.Values.ToArray(), NpgsqlDbType.Jsonb),
                    ("shard", shard, null)));
            }

            AddLookupCommand(cmd, RemoveLookupsSql, removeLookups);
            AddLookupCommand(cmd, AddLookupsSql, addLookups);

            if (errors.Count > 0)
            {
                var rows = errors.Values.ToArray();
                cmd.BatchCommands.Add(Command(ErrorsSql,
                    ("id", rows.Select(e => e.Id).ToArray(), NpgsqlDbType.Text),
                    ("d", rows.Select(e => e.Domain).ToArray(), NpgsqlDbType.Text),
                    // Bad input must not make its own error record unstorable.
                    ("c", rows.Select(e => StorableText.Clean(e.Category)).ToArray(), NpgsqlDbType.Text),
                    ("m", rows.Select(e => StorableText.Clean(e.Message)).ToArray(), NpgsqlDbType.Text),
                    ("ty", rows.Select(e => StorableText.Clean(e.ObjectType)).ToArray(), NpgsqlDbType.Text),
                    ("t", rows.Select(e => StorableText.Clean(e.TravellerId)).ToArray(), NpgsqlDbType.Text),
                    ("tx", rows.Select(e => StorableText.Clean(e.TransactionId)).ToArray(), NpgsqlDbType.Text),
                    ("raw", rows.Select(e => StorableText.Raw(e.Raw)).ToArray(), NpgsqlDbType.Text),
                    ("at", rows.Select(e => e.CreatedAt.ToUniversalTime()).ToArray(), NpgsqlDbType.TimestampTz),
                    ("shard", shard, null)));
            }

            await using var reader = await cmd.ExecuteReaderAsync();
            if (objects.Count > 0)
            {
                while (await reader.ReadAsync())
                {
                    var key = (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
                    var owner = objects[key].Owner;
                    (changes[owner] ??= []).Add(new ObjectChange(key.Item2, key.Item3, key.Item4, reader.GetBoolean(4)));
                }
            }

            // Drain every result so that an error in a later statement surfaces here, before commit.
            while (await reader.NextResultAsync())
            {
            }
        }

        await tx.CommitAsync();
        return changes.Select(c => c is null ? WriteResult.Empty : new WriteResult(c)).ToArray();
    }

    private static void AddLookupCommand(NpgsqlBatch cmd, string sql, SortedSet<(string D, string K, string V, string P)> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        cmd.BatchCommands.Add(Command(sql,
            ("d", rows.Select(r => r.D).ToArray(), NpgsqlDbType.Text),
            ("k", rows.Select(r => r.K).ToArray(), NpgsqlDbType.Text),
            ("v", rows.Select(r => r.V).ToArray(), NpgsqlDbType.Text),
            ("p", rows.Select(r => r.P).ToArray(), NpgsqlDbType.Text)));
    }

    private static NpgsqlBatchCommand Command(string sql, params (string Name, object Value, NpgsqlDbType? ArrayOf)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value, arrayOf) in parameters)
        {
            command.Parameters.Add(arrayOf is { } t
                ? new NpgsqlParameter(name, NpgsqlDbType.Array | t) { Value = value }
                : new NpgsqlParameter(name, value));
        }

        return command;
    }
}
