using Orleans.Runtime.Providers;

namespace Upt.Streaming.Kinesis.Streams;

/// <summary>How long the pulling agent waits before delivering a failed batch again: 100 ms doubling to 10 s, with jitter.</summary>
internal sealed class KinesisDeliveryBackoff : IMessageDeliveryBackoffProvider
{
    private static readonly TimeSpan Min = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(10);

    public TimeSpan Next(int attempt)
    {
        var ms = Math.Min(Max.TotalMilliseconds, Min.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempt, 0, 16)));
        return TimeSpan.FromMilliseconds(ms * (0.8 + (0.4 * Random.Shared.NextDouble())));
    }
}
