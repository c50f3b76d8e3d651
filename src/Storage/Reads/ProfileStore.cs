using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;

namespace Upt.Storage;

/// <summary>
/// Reads of profiles, travellers, objects and lookups. Activation-time point reads are batched;
/// API reads (pages of objects, searches) are direct queries.
/// </summary>
public sealed class ProfileStore : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly BatchedLoader<(string Domain, string ProfileId), ProfileRow> _profiles;
    private readonly BatchedLoader<(string Domain, string TravellerId), string> _travellers;
    private readonly BatchedLoader<(string Domain, string Kinds, string Value), IReadOnlyList<(string ProfileId, string Kind)>> _kindMembers;

    /// <summary>Creates the store over a data source.</summary>
    public ProfileStore(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
        _profiles = new(LoadProfilesAsync);
        _travellers = new(LoadTravellersAsync);
        _kindMembers = new(LoadKindMembersAsync);
    }

    /// <summary>The stored profile, or null.</summary>
    public Task<ProfileRow?> GetProfileAsync(string domain, string profileId) => _profiles.LoadAsync((domain, profileId));

    /// <summary>The profile a traveller id belongs to, or null when the traveller is unknown.</summary>
    public Task<string?> GetTravellerProfileAsync(string domain, string travellerId) => _travellers.LoadAsync((domain, travellerId));

    /// <summary>The traveller ids linked to a profile, sorted.</summary>
    public async Task<IReadOnlyList<string>> GetTravellerIdsAsync(string domain, string profileId, CancellationToken cancellationToken = default)
    {
        await using var cmd = _dataSource.CreateCommand("SELECT traveller_id FROM upt_travellers WHERE domain = @d AND profile_id = @p ORDER BY traveller_id");
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("p", profileId);
        var list = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(reader.GetString(0));
        }

        return list;
    }

    /// <summary>Object counts per type for a profile.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountObjectsAsync(string domain, string profileId, CancellationToken cancellationToken = default)
    {
        await using var cmd = _dataSource.CreateCommand("SELECT object_type, count(*) FROM upt_objects WHERE domain = @d AND profile_id = @p GROUP BY object_type");
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("p", profileId);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    /// <summary>One page of a profile's objects of one type, newest first (ties by object id).</summary>
    public async Task<IReadOnlyList<StoredObject>> GetObjectsPageAsync(string domain, string profileId, string objectType, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var cmd = _dataSource.CreateCommand("""
            SELECT object_type, object_id, traveller_id, data::text, last_updated, created_at FROM upt_objects
            WHERE domain = @d AND profile_id = @p AND object_type = @t
            ORDER BY last_updated DESC NULLS LAST, object_id, traveller_id
            LIMIT @l OFFSET @o
            """);
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("p", profileId);
        cmd.Parameters.AddWithValue("t", objectType);
        cmd.Parameters.AddWithValue("l", pageSize);
        cmd.Parameters.AddWithValue("o", (long)page * pageSize);
        return await ReadObjectsAsync(cmd, cancellationToken);
    }

    /// <summary>
    /// Every object of a profile, streamed (not buffered) by type, then newest first (ties by object id): what a caller
    /// rebuilds a profile's fields from, e.g. both sides after an unmerge.
    /// </summary>
    public async IAsyncEnumerable<StoredObject> GetAllObjectsAsync(string domain, string profileId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var cmd = _dataSource.CreateCommand("""
            SELECT object_type, object_id, traveller_id, data::text, last_updated, created_at FROM upt_objects
            WHERE domain = @d AND profile_id = @p
            ORDER BY object_type, last_updated DESC NULLS LAST, object_id, traveller_id
            """);
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("p", profileId);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return ReadObject(reader);
        }
    }

    /// <summary>One stored object, or null.</summary>
    public async Task<StoredObject?> GetObjectAsync(string domain, string objectType, string travellerId, string objectId, CancellationToken cancellationToken = default)
    {
        await using var cmd = _dataSource.CreateCommand("""
            SELECT object_type, object_id, traveller_id, data::text, last_updated, created_at FROM upt_objects
            WHERE domain = @d AND object_type = @ty AND traveller_id = @t AND object_id = @o
            """);
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("ty", objectType);
        cmd.Parameters.AddWithValue("t", travellerId);
        cmd.Parameters.AddWithValue("o", objectId);
        var list = await ReadObjectsAsync(cmd, cancellationToken);
        return list.Count == 0 ? null : list[0];
    }

    /// <summary>
    /// The (profile id, kind) rows carrying <paramref name="value"/> under any of <paramref name="kinds"/> (rule-index
    /// membership). Batched: a burst of new rule-index values activates thousands of grains, one query serves them all.
    /// </summary>
    public async Task<IReadOnlyList<(string ProfileId, string Kind)>> FindByLookupKindsAsync(string domain, IReadOnlyList<string> kinds, string value)
    {
        if (kinds.Any(k => k.Length == 0 || k.Contains(' ', StringComparison.Ordinal)))
        {
            throw new ArgumentException("Lookup kinds are non-empty and contain no space.", nameof(kinds));
        }

        return await _kindMembers.LoadAsync((domain, string.Join(' ', kinds), value)) ?? [];
    }

    /// <summary>Every lookup row of a profile (a rebuild after an unmerge replaces them all).</summary>
    public async Task<IReadOnlyList<LookupRow>> GetLookupsAsync(string domain, string profileId, CancellationToken cancellationToken = default)
    {
        await using var cmd = _dataSource.CreateCommand("SELECT kind, value FROM upt_lookups WHERE domain = @d AND profile_id = @p");
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("p", profileId);
        var list = new List<LookupRow>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new LookupRow(reader.GetString(0), reader.GetString(1)));
        }

        return list;
    }

    /// <summary>The profiles that carry a lookup value.</summary>
    public async Task<IReadOnlyList<string>> FindByLookupAsync(string domain, string kind, string value, int limit = 1000, CancellationToken cancellationToken = default)
    {
        await using var cmd = _dataSource.CreateCommand("SELECT profile_id FROM upt_lookups WHERE domain = @d AND kind = @k AND value = @v ORDER BY profile_id LIMIT @l");
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("k", kind);
        cmd.Parameters.AddWithValue("v", value);
        cmd.Parameters.AddWithValue("l", limit);
        var list = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(reader.GetString(0));
        }

        return list;
    }

    private static async Task<IReadOnlyList<StoredObject>> ReadObjectsAsync(NpgsqlCommand cmd, CancellationToken cancellationToken)
    {
        var list = new List<StoredObject>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(ReadObject(reader));
        }

        return list;
    }

    private static StoredObject ReadObject(NpgsqlDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
        reader.GetFieldValue<DateTimeOffset>(5));

    private async Task<IReadOnlyDictionary<(string, string), ProfileRow>> LoadProfilesAsync(IReadOnlyList<(string Domain, string ProfileId)> keys)
    {
        await using var cmd = _dataSource.CreateCommand("""
            SELECT p.domain, p.profile_id, p.fields::text, p.created_at, p.updated_at, p.merged_into
            FROM unnest(@d::text[], @p::text[]) AS k(domain, profile_id)
            JOIN upt_profiles p ON p.domain = k.domain AND p.profile_id = k.profile_id
            """);
        cmd.Parameters.Add(new NpgsqlParameter("d", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = keys.Select(k => k.Domain).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("p", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = keys.Select(k => k.ProfileId).ToArray() });
        var found = new Dictionary<(string, string), ProfileRow>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            found[(reader.GetString(0), reader.GetString(1))] = new ProfileRow(
                reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<DateTimeOffset>(4),
                reader.IsDBNull(5) ? null : reader.GetString(5));
        }

        return found;
    }

    private async Task<IReadOnlyDictionary<(string, string), string>> LoadTravellersAsync(IReadOnlyList<(string Domain, string TravellerId)> keys)
    {
        await using var cmd = _dataSource.CreateCommand("""
            SELECT t.domain, t.traveller_id, t.profile_id
            FROM unnest(@d::text[], @t::text[]) AS k(domain, traveller_id)
            JOIN upt_travellers t ON t.domain = k.domain AND t.traveller_id = k.traveller_id
            """);
        cmd.Parameters.Add(new NpgsqlParameter("d", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = keys.Select(k => k.Domain).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("t", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = keys.Select(k => k.TravellerId).ToArray() });
        var found = new Dictionary<(string, string), string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            found[(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
        }

        return found;
    }

    private async Task<IReadOnlyDictionary<(string, string, string), IReadOnlyList<(string, string)>>> LoadKindMembersAsync(IReadOnlyList<(string Domain, string Kinds, string Value)> keys)
    {
        // One (domain, kind, value) row per kind, so each probe is an equality on the primary key.
        var rows = keys.SelectMany((k, i) => k.Kinds.Split(' ').Select(kind => (k.Domain, Kind: kind, k.Value, Index: i + 1))).ToList();
        await using var cmd = _dataSource.CreateCommand("""
            SELECT k.i, l.profile_id, l.kind
            FROM unnest(@d::text[], @k::text[], @v::text[], @i::int[]) AS k(domain, kind, value, i)
            JOIN upt_lookups l ON l.domain = k.domain AND l.kind = k.kind AND l.value = k.value
            """);
        cmd.Parameters.Add(new NpgsqlParameter("d", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(r => r.Domain).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("k", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(r => r.Kind).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("v", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(r => r.Value).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("i", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = rows.Select(r => r.Index).ToArray() });
        var found = new Dictionary<(string, string, string), IReadOnlyList<(string, string)>>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var key = keys[reader.GetInt32(0) - 1];
            if (!found.TryGetValue(key, out var members))
            {
                found[key] = members = new List<(string, string)>();
            }

            ((List<(string, string)>)members).Add((reader.GetString(1), reader.GetString(2)));
        }

        return found;
    }

    /// <summary>Stops the batched loaders.</summary>
    public async ValueTask DisposeAsync()
    {
        await _profiles.DisposeAsync();
        await _travellers.DisposeAsync();
        await _kindMembers.DisposeAsync();
    }
}
