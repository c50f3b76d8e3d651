namespace Upt.Grains.Ingest;

/// <summary>
/// The clock a transform sees: the record's own time (envelope timestamp, else arrival), so that a
/// default <c>last_updated</c> is the same on every redelivery and a replay changes nothing.
/// </summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
