using Npgsql;
using NpgsqlTypes;

namespace Upt.Storage;

/// <summary>
/// Match pairs awaiting review (<c>upt_match_pairs</c>, upt-core §3.11): each pair stored once per domain, listed by
/// score, per profile, or as false positives. A pair marked false positive stays so when it is scored again.
/// </summary>
public sealed class MatchPairStore(NpgsqlDataSource dataSource)
{
    /// <summary>A listing reaches at most this far: (page + 1) × page size ≤ this.</summary>
    public const int MaxListWindow = 100_000;

    private const string Columns =
        "domain, profile_a, profile_b, score, data_diff::text, source, false_positive, merge_in_progress, created_at, updated_at";

    /// <summary>
    /// Stores <paramref name="pairs"/>: new pairs are added, known ones get the new score, diff and source (their
    /// false-positive and merge-in-progress flags are kept). A pair given twice is stored with its last values.
    /// </summary>
    /// <returns>The number of distinct pairs written.</returns>
    /// <exception cref="ArgumentException">A pair has an empty id, twice the same id, or a score that is not a finite number.</exception>
    public async Task<int> UpsertAsync(string domain, IReadOnlyList<MatchPairWrite> pairs, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(domain);
        ArgumentNullException.ThrowIfNull(pairs);
        var byKey = new Dictionary<(string, string), (string A, string B, double Score, IReadOnlyList<MatchFieldDiff> Diff, MatchPairSource Source)>();
        foreach (var write in pairs)
        {
            var pair = PairOrder.Normalise(write);
            byKey[(pair.A, pair.B)] = pair;
        }

        if (byKey.Count == 0)
        {
            return 0;
        }

        var rows = byKey.Values.ToList();
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO upt_match_pairs AS p (domain, profile_a, profile_b, score, data_diff, source)
            SELECT @d, u.a, u.b, u.s, u.diff::jsonb, u.src
            FROM unnest(@a::text[], @b::text[], @s::float8[], @diff::text[], @src::text[]) AS u(a, b, s, diff, src)
            ON CONFLICT (domain, profile_a, profile_b) DO UPDATE
                SET score = EXCLUDED.score, data_diff = EXCLUDED.data_diff, source = EXCLUDED.source, updated_at = now()
            """);
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.Add(TextArray("a", rows.Select(r => r.A)));
        cmd.Parameters.Add(TextArray("b", rows.Select(r => r.B)));
        cmd.Parameters.Add(new NpgsqlParameter("s", NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = rows.Select(r => r.Score).ToArray() });
        cmd.Parameters.Add(TextArray("diff", rows.Select(r => MatchDiffJson.Write(r.Diff))));
        cmd.Parameters.Add(TextArray("src", rows.Select(r => SourceName(r.Source))));
        return await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Page <paramref name="page"/> (from 0) of the pairs to review, best score first, and their total; false positives are left out.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The page is negative, the size below 1, or the page reaches past <see cref="MaxListWindow"/>.</exception>
    public Task<MatchPairPage> ListByScoreAsync(string domain, int page, int pageSize, CancellationToken cancellationToken = default) =>
        ListAsync(domain, falsePositives: false, page, pageSize, cancellationToken);

    /// <summary>Page <paramref name="page"/> (from 0) of the pairs marked false positive, best score first, and their total.</summary>
    /// <exception cref="ArgumentOutOfRangeException">As for <see cref="ListByScoreAsync"/>.</exception>
    public Task<MatchPairPage> ListFalsePositivesAsync(string domain, int page, int pageSize, CancellationToken cancellationToken = default) =>
        ListAsync(domain, falsePositives: true, page, pageSize, cancellationToken);

    /// <summary>The pairs of <paramref name="profileId"/> that await review (no false positives), best score first.</summary>
    public async Task<IReadOnlyList<MatchPair>> ForProfileAsync(string domain, string profileId, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT {Columns} FROM upt_match_pairs
            WHERE domain = @d AND NOT false_positive AND (profile_a = @p OR profile_b = @p)
            ORDER BY score DESC, profile_a, profile_b
            """);
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("p", profileId);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        return await ReadPairsAsync(reader, cancellationToken);
    }

    /// <summary>Marks the pair of the two profiles (either order) false positive; false when no such pair is stored.</summary>
    public async Task<bool> MarkFalsePositiveAsync(string domain, string profileId, string otherProfileId, CancellationToken cancellationToken = default)
    {
        var (a, b) = PairOrder.Of(profileId, otherProfileId);
        await using var cmd = dataSource.CreateCommand("""
            UPDATE upt_match_pairs SET false_positive = true, updated_at = now()
            WHERE domain = @d AND profile_a = @a AND profile_b = @b
            """);
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("a", a);
        cmd.Parameters.AddWithValue("b", b);
        return await cmd.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>
    /// Stores the pair marked false positive: a stored pair keeps its score and diff, a new one is stored with
    /// <paramref name="pair"/>'s. Returns true when the pair was not stored before.
    /// </summary>
    /// <exception cref="ArgumentException">As for <see cref="UpsertAsync"/>.</exception>
    public async Task<bool> FlagFalsePositiveAsync(string domain, MatchPairWrite pair, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(domain);
        var row = PairOrder.Normalise(pair);
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO upt_match_pairs AS p (domain, profile_a, profile_b, score, data_diff, source, false_positive)
            VALUES (@d, @a, @b, @s, @diff::jsonb, @src, true)
            ON CONFLICT (domain, profile_a, profile_b) DO UPDATE SET false_positive = true, updated_at = now()
            RETURNING (xmax = 0)
            """);
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("a", row.A);
        cmd.Parameters.AddWithValue("b", row.B);
        cmd.Parameters.AddWithValue("s", row.Score);
        cmd.Parameters.AddWithValue("diff", MatchDiffJson.Write(row.Diff));
        cmd.Parameters.AddWithValue("src", SourceName(row.Source));
        return (bool)(await cmd.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Deletes the pair of the two profiles (either order), false positive or not; false when no such pair is stored.</summary>
    public async Task<bool> DeletePairAsync(string domain, string profileId, string otherProfileId, CancellationToken cancellationToken = default)
    {
        var (a, b) = PairOrder.Of(profileId, otherProfileId);
        await using var cmd = dataSource.CreateCommand("DELETE FROM upt_match_pairs WHERE domain = @d AND profile_a = @a AND profile_b = @b");
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("a", a);
        cmd.Parameters.AddWithValue("b", b);
        return await cmd.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>Sets the merge-in-progress flag of every pair touching one of <paramref name="profileIds"/>; returns how many pairs changed.</summary>
    public async Task<int> SetMergeInProgressAsync(string domain, IReadOnlyCollection<string> profileIds, bool inProgress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profileIds);
        await using var cmd = dataSource.CreateCommand("""
            UPDATE upt_match_pairs SET merge_in_progress = @m, updated_at = now()
            WHERE domain = @d AND (profile_a = ANY(@p) OR profile_b = ANY(@p)) AND merge_in_progress <> @m
            """);
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.Add(TextArray("p", profileIds));
        cmd.Parameters.AddWithValue("m", inProgress);
        return await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deletes every pair of <paramref name="profileId"/>, false positives included (it was merged away or deleted); returns how many.</summary>
    public async Task<int> DeletePairsOfAsync(string domain, string profileId, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("DELETE FROM upt_match_pairs WHERE domain = @d AND (profile_a = @p OR profile_b = @p)");
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("p", profileId);
        return await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The domain's pairs to review and false positives.</summary>
    public async Task<MatchPairCounts> CountAsync(string domain, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT count(*) FILTER (WHERE NOT false_positive), count(*) FILTER (WHERE false_positive)
            FROM upt_match_pairs WHERE domain = @d
            """);
        cmd.Parameters.AddWithValue("d", domain);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new MatchPairCounts(reader.GetInt64(0), reader.GetInt64(1));
    }

    private async Task<MatchPairPage> ListAsync(string domain, bool falsePositives, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        if ((page + 1L) * pageSize > MaxListWindow)
        {
            throw new ArgumentOutOfRangeException(nameof(page), $"(page + 1) × page size must not exceed {MaxListWindow}.");
        }

        await using var cmd = dataSource.CreateCommand($"""
            SELECT {Columns} FROM upt_match_pairs WHERE domain = @d AND false_positive = @fp
            ORDER BY score DESC, profile_a, profile_b LIMIT @limit OFFSET @offset;
            SELECT count(*) FROM upt_match_pairs WHERE domain = @d AND false_positive = @fp;
            """);
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("fp", falsePositives);
        cmd.Parameters.AddWithValue("limit", pageSize);
        cmd.Parameters.AddWithValue("offset", (long)page * pageSize);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var pairs = await ReadPairsAsync(reader, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new MatchPairPage(pairs, reader.GetInt64(0));
    }

    private static async Task<IReadOnlyList<MatchPair>> ReadPairsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var pairs = new List<MatchPair>();
        while (await reader.ReadAsync(cancellationToken))
        {
            pairs.Add(new MatchPair
            {
                Domain = reader.GetString(0),
                ProfileA = reader.GetString(1),
                ProfileB = reader.GetString(2),
                Score = reader.GetDouble(3),
                Diff = MatchDiffJson.Read(reader.GetString(4)),
                Source = reader.GetString(5) == "import" ? MatchPairSource.Import : MatchPairSource.Ai,
                FalsePositive = reader.GetBoolean(6),
                MergeInProgress = reader.GetBoolean(7),
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(8),
                UpdatedAt = reader.GetFieldValue<DateTimeOffset>(9),
            });
        }

        return pairs;
    }

    private static string SourceName(MatchPairSource source) => source switch
    {
        MatchPairSource.Ai => "ai",
        MatchPairSource.Import => "import",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown match pair source."),
    };

    private static NpgsqlParameter TextArray(string name, IEnumerable<string> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };
}
