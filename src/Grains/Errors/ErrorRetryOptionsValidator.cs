using Microsoft.Extensions.Options;

namespace Upt.Grains.Errors;

/// <summary>Checks the durations against each other: data annotations cannot.</summary>
internal sealed class ErrorRetryOptionsValidator : IValidateOptions<ErrorRetryOptions>
{
    public ValidateOptionsResult Validate(string? name, ErrorRetryOptions options)
    {
        var errors = new List<string>();
        if (options.BaseDelay <= TimeSpan.Zero || options.BaseDelay > options.MaxDelay)
        {
            errors.Add($"Errors:BaseDelay must be positive and at most Errors:MaxDelay (was {options.BaseDelay}, {options.MaxDelay}).");
        }

        if (options.Period < TimeSpan.FromSeconds(1) || options.Period > TimeSpan.FromHours(1))
        {
            errors.Add($"Errors:Period must be between 1 second and 1 hour (was {options.Period}).");
        }

        // The ledger must outlive every attempt it schedules, or an expired entry would start the attempts over.
        if (options.LedgerTtl <= options.MaxDelay * options.MaxAttempts + options.Period)
        {
            errors.Add($"Errors:LedgerTtl ({options.LedgerTtl}) must exceed MaxAttempts x MaxDelay + Period ({options.MaxDelay * options.MaxAttempts + options.Period}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
