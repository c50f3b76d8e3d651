using Upt.Grains.Errors;

namespace Upt.Grains.Tests;

/// <summary>UPT's backoff: 5 s × 2^n with equal jitter, capped at 5 minutes.</summary>
public sealed class RetryBackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Cap = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(1, 5, 10)]
    [InlineData(2, 10, 20)]
    [InlineData(3, 20, 40)]
    [InlineData(5, 80, 160)]
    [InlineData(6, 150, 300)]
    [InlineData(40, 150, 300)]
    public void Attempt_n_waits_between_half_and_all_of_the_capped_exponential(int attempt, int lowSeconds, int highSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(lowSeconds), RetryBackoff.Delay(attempt, Base, Cap, 0));
        Assert.Equal(TimeSpan.FromSeconds((lowSeconds + highSeconds) / 2.0), RetryBackoff.Delay(attempt, Base, Cap, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(highSeconds), RetryBackoff.Delay(attempt, Base, Cap, 1));
    }

    [Fact]
    public void There_is_no_attempt_zero() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RetryBackoff.Delay(0, Base, Cap, 0));
}
