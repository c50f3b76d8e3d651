using System.Diagnostics.Metrics;

namespace Upt.Grains.Fuzzy;

/// <summary>
/// Meter <c>Upt.Fuzzy</c>: what continuous fuzzy matching decided (automatic merges, pairs stored for review, merges
/// held back by the guards) and the offers over-full blocks did not compare.
/// </summary>
public static class FuzzyMetrics
{
    /// <summary>The meter name to export.</summary>
    public const string MeterName = "Upt.Fuzzy";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Offers an over-full block took without comparing (a placeholder-like or very common blocking key).</summary>
    internal static readonly Counter<long> OversizedOffers = Meter.CreateCounter<long>("upt.fuzzy.oversized_offers", "{offer}", "Offers an over-full block did not compare");

    /// <summary>Pairs merged automatically (type ai).</summary>
    internal static readonly Counter<long> Merges = Meter.CreateCounter<long>("upt.fuzzy.merges", "{merge}", "Pairs merged automatically");

    /// <summary>Pairs stored or refreshed for review.</summary>
    internal static readonly Counter<long> ReviewPairs = Meter.CreateCounter<long>("upt.fuzzy.review_pairs", "{pair}", "Pairs stored for review");

    /// <summary>Pairs above the auto-merge threshold that a guard (chaining, false positive) kept from merging.</summary>
    internal static readonly Counter<long> Guarded = Meter.CreateCounter<long>("upt.fuzzy.guarded", "{pair}", "Auto-merges held back by a guard");
}
