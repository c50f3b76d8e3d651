namespace Upt.Grains.Ingest;

/// <summary>
/// Per-activation cache of domain settings, so ingestion asks a domain grain at most every few seconds
/// (a domain grain is never on the per-record path). Missing domains are not cached: a domain created
/// a moment ago is seen on the next batch.
/// </summary>
internal sealed class DomainSettingsCache(IGrainFactory grains, TimeProvider clock)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(5);
    private readonly Dictionary<string, (DomainSettings Settings, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public async Task RefreshAsync(IEnumerable<string> domains)
    {
        var now = clock.GetUtcNow();
        var stale = domains.Distinct(StringComparer.Ordinal)
            .Where(d => d.Length > 0 && (!_cache.TryGetValue(d, out var c) || c.Until < now)).ToList();
        var fetched = await Task.WhenAll(stale.Select(async d => (d, settings: await grains.GetGrain<IDomainGrain>(d).GetSettingsAsync())));
        foreach (var (domain, settings) in fetched)
        {
            if (settings is null)
            {
                _cache.Remove(domain);
            }
            else
            {
                _cache[domain] = (settings, now + Ttl);
            }
        }
    }

    public DomainSettings? Get(string domain) => _cache.TryGetValue(domain, out var c) ? c.Settings : null;
}
