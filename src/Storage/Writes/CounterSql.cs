namespace Upt.Storage;

/// <summary>
/// The one way counters are written: a transaction adds its deltas to its own shard row, so concurrent
/// writers never wait on a hot counter row and readers sum the shards.
/// </summary>
internal static class CounterSql
{
    /// <summary>Start of the upsert; follow it with a SELECT of (domain, counter, shard, delta), then <see cref="Accumulate"/>.</summary>
    public const string Insert = "INSERT INTO upt_counters (domain, counter, shard, value)";

    /// <summary>End of the upsert: adds the delta to the shard's existing value.</summary>
    public const string Accumulate = "ON CONFLICT (domain, counter, shard) DO UPDATE SET value = upt_counters.value + EXCLUDED.value";

    /// <summary>A random shard base for one writer; it may add small offsets (one per flusher).</summary>
    public static int NewShardBase() => Random.Shared.Next(0, 1 << 20) * 64;
}
