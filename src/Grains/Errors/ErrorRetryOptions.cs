using System.ComponentModel.DataAnnotations;

namespace Upt.Grains.Errors;

/// <summary>Retention purge and retries of error records (configuration section <c>Errors</c>).</summary>
public sealed class ErrorRetryOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Errors";

    /// <summary>Automatic attempts per record (UPT: 3).</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Backoff base: attempt n waits between half and all of min(<see cref="MaxDelay"/>, BaseDelay × 2^n) (UPT: 5 s).</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Backoff cap (UPT: 5 minutes).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a retry ledger entry is kept after its record was first scheduled.</summary>
    public TimeSpan LedgerTtl { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often every domain gets a maintenance pass (retention purge, new retryable records); at least the silo's minimum reminder period.</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Retryable records looked at per pass and domain.</summary>
    [Range(1, 10_000)]
    public int RetryBatch { get; set; } = 100;

    /// <summary>Expired records deleted per statement.</summary>
    [Range(100, 1_000_000)]
    public int PurgeBatch { get; set; } = 5000;
}
