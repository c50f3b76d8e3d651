using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Upt.Storage;

/// <summary>
/// Merge history and lineage, unmerge, negative links and profile delete. Merges themselves are recorded by the
/// group-commit writer (<see cref="ProfileWrite.Absorbed"/>) in the transaction that re-points the data.
/// Each change here is one transaction; the caller (the parent profile's grain) keeps its in-memory state in step.
/// </summary>
public sealed partial class MergeHistoryStore(NpgsqlDataSource dataSource, ILogger<MergeHistoryStore> logger)
{
    // One shard per store instance: unmerges and deletes are rare, so they never contend with the writer's shards.
    private readonly int _shard = CounterSql.NewShardBase();

    /// <summary>
    /// Takes <paramref name="toUnmerge"/> and every profile still merged under it (its lineage) out of the profile it was
    /// merged into, in one transaction: their travellers and those travellers' objects (including objects added after
    /// the merge) move back to <paramref name="toUnmerge"/>, whose row becomes live again (with the fields it had when it
    /// was absorbed, and no lookups), an <c>unmerge</c> history row is added, the profiles counter goes up by one and the
    /// pair gets a negative link with the context's evidence. The caller then rebuilds both profiles' fields and lookups
    /// (see <see cref="UnmergeResult"/>).
    /// </summary>
    /// <param name="domain">The domain.</param>
    /// <param name="toUnmerge">The original profile id to take out.</param>
    /// <param name="mergedInto">A profile it is currently merged into, directly or through intermediate merges.</param>
    /// <param name="context">Operator, evidence and context of the request.</param>
    /// <param name="cancellationToken">Cancels the transaction.</param>
    public async Task<UnmergeResult> UnmergeAsync(string domain, string toUnmerge, string mergedInto, UnmergeContext context, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(toUnmerge) || string.IsNullOrEmpty(mergedInto))
        {
            return UnmergeResult.Failed(UnmergeStatus.InvalidRequest, toUnmerge, "Both the profile to unmerge and the profile it is merged into are required");
        }

        if (toUnmerge == mergedInto)
        {
            return UnmergeResult.Failed(UnmergeStatus.InvalidRequest, toUnmerge, "A profile cannot be unmerged from itself");
        }

        var started = Stopwatch.GetTimestamp();
        await using var conn = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken);

        // Locking the forwarding chain first serialises unmerges of the same profile and keeps merges into it out
        // until commit, so the lineage read below is the one acted on.
        var (chain, unbroken) = await LockChainAsync(conn, tx, domain, toUnmerge, cancellationToken);
        if (chain.Count == 0 || chain[0].MergedInto is null || !chain.Skip(1).Any(c => c.ProfileId == mergedInto))
        {
            return UnmergeResult.Failed(UnmergeStatus.NotMerged, toUnmerge, $"Profile {toUnmerge} is not merged into profile {mergedInto}");
        }

        if (!unbroken)
        {
            return UnmergeResult.Failed(UnmergeStatus.Conflict, toUnmerge, "The profiles changed while the unmerge read them; retry");
        }

        var parent = chain[^1].ProfileId;
        var lineage = await ReadLineageAsync(conn, tx, domain, toUnmerge, cancellationToken);

        var movedTravellers = new List<string>();
        await using (var move = new NpgsqlCommand(MergeSql.MoveTravellers, conn, tx))
        {
            AddParameters(move.Parameters, ("d", domain), ("x", toUnmerge), ("root", parent), ("s", lineage.ToArray()));
            await using var reader = await move.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                movedTravellers.Add(reader.GetString(0));
            }
        }

        await using var batch = new NpgsqlBatch(conn, tx);
        var moveObjects = Command(MergeSql.MoveObjects, ("d", domain), ("x", toUnmerge), ("root", parent), ("t", movedTravellers.ToArray()));
        batch.BatchCommands.Add(moveObjects);
        batch.BatchCommands.Add(Command(MergeSql.Resurrect, ("d", domain), ("x", toUnmerge)));
        batch.BatchCommands.Add(HistoryCommand(domain, toUnmerge, mergedInto, MergeTypes.Unmerge, context.OperatorId, context.ContextJson));
        batch.BatchCommands.Add(Command(MergeSql.AddProfiles, ("d", domain), ("shard", _shard), ("n", 1L)));
        batch.BatchCommands.Add(Command(MergeSql.Block, ("d", domain), ("a", toUnmerge), ("b", parent), ("ev", context.Evidence.ToArray())));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        long movedObjects = moveObjects.RecordsAffected;

        await tx.CommitAsync(cancellationToken);
        movedTravellers.Sort(StringComparer.Ordinal);
        LogUnmerged(logger, domain, lineage.Count, movedTravellers.Count, movedObjects, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new UnmergeResult(UnmergeStatus.Unmerged, "", toUnmerge, parent, lineage, movedTravellers, movedObjects);
    }

    /// <summary>
    /// The lineage an unmerge of <paramref name="profileId"/> would move: the original profile ids still merged under
    /// it (itself included), sorted.
    /// </summary>
    public async Task<IReadOnlyList<string>> GetLineageAsync(string domain, string profileId, CancellationToken cancellationToken = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadLineageAsync(conn, null, domain, profileId, cancellationToken);
    }

    /// <summary>
    /// The merges that lead from original profile <paramref name="profileId"/> to its current parent, in order (its own
    /// merge first), with their contexts and times: the interaction history of an object ingested for it is its
    /// creation followed by these. Empty when the profile is live.
    /// </summary>
    public Task<IReadOnlyList<MergeHistoryEntry>> GetAncestorMergesAsync(string domain, string profileId, CancellationToken cancellationToken = default) =>
        ReadHistoryAsync(MergeSql.Ancestors, domain, profileId, cancellationToken);

    /// <summary>Every history row where the profile is either side (merges, unmerges, its delete), oldest first.</summary>
    public Task<IReadOnlyList<MergeHistoryEntry>> GetHistoryAsync(string domain, string profileId, CancellationToken cancellationToken = default) =>
        ReadHistoryAsync(MergeSql.History, domain, profileId, cancellationToken);

    /// <summary>
    /// True when the pair was unmerged and every key of <paramref name="evidence"/> was among the evidence that had
    /// linked it: the rule engine must not merge the pair on it. Any new key means new evidence (not blocked).
    /// Ids are compared as given: a block does not follow later merges of either profile.
    /// </summary>
    public async Task<bool> IsBlockedAsync(string domain, string profileA, string profileB, IReadOnlyList<string> evidence, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand(MergeSql.IsBlocked);
        AddParameters(cmd.Parameters, ("d", domain), ("a", profileA), ("b", profileB), ("ev", evidence.ToArray()));
        return (bool)(await cmd.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Adds a negative link for a pair, or widens its evidence (after an unmerge, with the keys both rebuilt sides still share).</summary>
    public async Task BlockAsync(string domain, string profileA, string profileB, IReadOnlyList<string> evidence, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand(MergeSql.Block);
        AddParameters(cmd.Parameters, ("d", domain), ("a", profileA), ("b", profileB), ("ev", evidence.ToArray()));
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Removes the negative link of a pair (a human cleared it); false when there was none.</summary>
    public async Task<bool> ClearBlockAsync(string domain, string profileA, string profileB, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand(MergeSql.ClearBlock);
        AddParameters(cmd.Parameters, ("d", domain), ("a", profileA), ("b", profileB));
        return await cmd.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>
    /// Deletes a profile in one transaction: its objects (each type's counter down by the rows deleted), travellers,
    /// lookups (search and rule-index entries), its row and the tombstones forwarding to it, its negative links; the
    /// profiles counter goes down by one and a <c>delete</c> history row is added. An id that was merged away deletes the
    /// profile it forwards to, as UPT resolves ids. A missing profile is a no-op (<see cref="DeletedProfile.Deleted"/> false).
    /// </summary>
    public async Task<DeletedProfile> DeleteProfileAsync(string domain, string profileId, string? operatorId, CancellationToken cancellationToken = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken);
        var (chain, unbroken) = await LockChainAsync(conn, tx, domain, profileId, cancellationToken);
        if (chain.Count == 0)
        {
            return DeletedProfile.Missing(profileId);
        }

        if (!unbroken)
        {
            throw new InvalidOperationException("The profile was merged while it was being deleted; retry");
        }

        var live = chain[^1].ProfileId;
        await using var batch = new NpgsqlBatch(conn, tx);
        batch.BatchCommands.Add(Command(MergeSql.DeleteObjects, ("d", domain), ("p", live), ("shard", _shard)));
        batch.BatchCommands.Add(Command(MergeSql.DeleteTravellers, ("d", domain), ("p", live)));
        batch.BatchCommands.Add(Command(MergeSql.DeleteProfileRows, ("d", domain), ("p", live), ("shard", _shard)));
        batch.BatchCommands.Add(HistoryCommand(domain, live, null, MergeTypes.Delete, operatorId, null));

        var objects = new Dictionary<string, long>(StringComparer.Ordinal);
        var travellers = new List<string>();
        long lookups;
        string[] forwarding;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                objects[reader.GetString(0)] = reader.GetInt64(1);
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                travellers.Add(reader.GetString(0));
            }

            await reader.NextResultAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            lookups = reader.GetInt64(0);
            forwarding = reader.GetFieldValue<string[]>(1);
            while (await reader.NextResultAsync(cancellationToken))
            {
            }
        }

        await tx.CommitAsync(cancellationToken);
        travellers.Sort(StringComparer.Ordinal);
        Array.Sort(forwarding, StringComparer.Ordinal);
        LogDeleted(logger, domain, travellers.Count, objects.Values.Sum());
        return new DeletedProfile(true, live, travellers, objects, lookups, forwarding);
    }

    /// <summary>
    /// The forwarding chain from <paramref name="profileId"/> (itself first, its live profile last), locked. Unbroken
    /// when it ends on a live row: the rows are re-read under the lock, so a link that leads nowhere means a merge
    /// committed between the walk and the lock.
    /// </summary>
    private static async Task<(List<(string ProfileId, string? MergedInto)> Chain, bool Unbroken)> LockChainAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, string domain, string profileId, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, string?>(StringComparer.Ordinal);
        await using (var cmd = new NpgsqlCommand(MergeSql.LockChain, conn, tx))
        {
            AddParameters(cmd.Parameters, ("d", domain), ("p", profileId));
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
            }
        }

        var chain = new List<(string, string?)>();
        for (string? id = profileId; id is not null && rows.Remove(id, out var next);)
        {
            chain.Add((id, next));
            if (next is null)
            {
                return (chain, true);
            }

            id = next;
        }

        return (chain, false);
    }

    private static async Task<IReadOnlyList<string>> ReadLineageAsync(
        NpgsqlConnection conn, NpgsqlTransaction? tx, string domain, string profileId, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(MergeSql.Lineage, conn, tx);
        AddParameters(cmd.Parameters, ("d", domain), ("x", profileId));
        var ids = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        ids.Sort(StringComparer.Ordinal);
        return ids;
    }

    private async Task<IReadOnlyList<MergeHistoryEntry>> ReadHistoryAsync(string sql, string domain, string profileId, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        AddParameters(cmd.Parameters, ("d", domain), ("p", profileId));
        var rows = new List<MergeHistoryEntry>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new MergeHistoryEntry(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), NullableString(reader, 3), reader.GetDouble(4),
                NullableString(reader, 5), NullableString(reader, 6), NullableString(reader, 7),
                reader.IsDBNull(8) ? null : reader.GetDouble(8), NullableString(reader, 9), reader.GetFieldValue<DateTimeOffset>(10)));
        }

        return rows;
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static NpgsqlBatchCommand HistoryCommand(string domain, string profileId, string? into, string mergeType, string? operatorId, string? contextJson) =>
        Command(MergeSql.InsertHistory, ("d", domain), ("x", profileId), ("into", into), ("ty", mergeType), ("op", operatorId), ("ctx", contextJson));

    private static NpgsqlBatchCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        AddParameters(command.Parameters, parameters);
        return command;
    }

    // Nulls are typed as text: every nullable parameter here is a text (or a jsonb cast from text in the SQL).
    private static void AddParameters(NpgsqlParameterCollection parameters, params (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            parameters.Add(value is null
                ? new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = DBNull.Value }
                : new NpgsqlParameter(name, value));
        }
    }

    [LoggerMessage(EventId = 210, Level = LogLevel.Information, Message = "Unmerged a lineage of {Profiles} profiles in domain {Domain}: {Travellers} travellers and {Objects} objects moved in {ElapsedMs:F0} ms")]
    private static partial void LogUnmerged(ILogger logger, string domain, int profiles, int travellers, long objects, double elapsedMs);

    [LoggerMessage(EventId = 211, Level = LogLevel.Information, Message = "Deleted a profile in domain {Domain}: {Travellers} travellers and {Objects} objects")]
    private static partial void LogDeleted(ILogger logger, string domain, int travellers, long objects);
}
