using System.Collections.Concurrent;
using Upt.DataPermissions;
using Upt.Grains;

namespace Upt.Api.DataPermissions;

/// <summary>
/// Each domain's grants, parsed, kept for <see cref="Lifetime"/> so a request costs at most one grain call and most
/// cost none. Changes made through this API process apply at once (<see cref="Invalidate"/>); made through another,
/// within <see cref="Lifetime"/>.
/// </summary>
public sealed partial class DataPermissionCache(IGrainFactory grains, TimeProvider clock, ILogger<DataPermissionCache> logger)
{
    /// <summary>How long grants are reused.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    // Header domains are validated but need not exist; past this many entries the expired ones are dropped.
    private const int PruneAbove = 1024;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The permission of each group of <paramref name="domain"/> (<see cref="DataPermission.None"/> for one that does not parse).</summary>
    public Task<IReadOnlyDictionary<string, DataPermission>> GetAsync(string domain)
    {
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(domain, out var entry) && entry.Expires > now && !entry.Grants.IsFaulted && !entry.Grants.IsCanceled)
        {
            return entry.Grants;
        }

        if (_entries.Count > PruneAbove)
        {
            foreach (var (key, old) in _entries.Where(e => e.Value.Expires <= now).ToList())
            {
                _entries.TryRemove(new KeyValuePair<string, Entry>(key, old));
            }
        }

        // Two requests missing at once may both load: harmless, and cheaper than a lock on every hit.
        var fresh = new Entry(LoadAsync(domain), now + Lifetime);
        _entries[domain] = fresh;
        return fresh.Grants;
    }

    /// <summary>Forgets <paramref name="domain"/>'s grants, after this process changed them.</summary>
    public void Invalidate(string domain) => _entries.TryRemove(domain, out _);

    private async Task<IReadOnlyDictionary<string, DataPermission>> LoadAsync(string domain)
    {
        var grants = await grains.GetGrain<IDataPermissionGrain>(domain).ListAsync();
        var parsed = new Dictionary<string, DataPermission>(StringComparer.Ordinal);
        foreach (var grant in grants)
        {
            if (DataPermission.TryParse(grant.Permission, out var permission, out var error))
            {
                parsed[grant.Group] = permission;
            }
            else
            {
                // Stored grants are validated, so this is a bug or a hand-edited row; the group grants nothing (fail closed).
                LogUnparsable(logger, domain, error.ToString());
                parsed[grant.Group] = DataPermission.None;
            }
        }

        return parsed;
    }

    private sealed record Entry(Task<IReadOnlyDictionary<string, DataPermission>> Grants, DateTimeOffset Expires);

    [LoggerMessage(EventId = 540, Level = LogLevel.Warning, Message = "A stored data permission of domain {Domain} does not parse ({Error}); it grants nothing")]
    private static partial void LogUnparsable(ILogger logger, string domain, string error);
}
