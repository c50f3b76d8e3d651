namespace Upt.Transforms.Tests.Support;

/// <summary>A clock stopped at one instant, so clock fallbacks are exact in assertions.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Instant = new DateTimeOffset(2025, 1, 2, 3, 4, 5, 678, TimeSpan.Zero).AddTicks(9010);

    public static TransformOptions Options(string txId = "test_tx_id") => new(txId, new FixedClock(Instant));

    public override DateTimeOffset GetUtcNow() => now;
}
