namespace Upt.Grains.Errors;

/// <summary>
/// Exponential backoff with equal jitter, as UPT's retry: attempt n waits between half and all of
/// min(cap, base × 2^n), so with 5 s and 5 minutes about 5–10 s, 10–20 s, 20–40 s, then at most 150–300 s.
/// </summary>
public static class RetryBackoff
{
    /// <summary>The wait before attempt <paramref name="attempt"/> (1 = first); <paramref name="jitter"/> in [0, 1) picks within the range.</summary>
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        // 2^30 × any positive base is past every sane cap; the exponent is clamped before it can overflow.
        var ceiling = TimeSpan.FromTicks((long)Math.Min(maxDelay.Ticks, baseDelay.Ticks * Math.Pow(2, Math.Min(attempt, 30))));
        var half = ceiling / 2;
        return half + (ceiling - half) * Math.Clamp(jitter, 0, 1);
    }
}
