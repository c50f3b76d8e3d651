using Microsoft.Extensions.Options;
using Upt.Batch.Sources;

namespace Upt.Grains.Batch;

/// <summary>Checks what data annotations cannot: the heartbeat against the staleness limit, and the default source's syntax.</summary>
internal sealed class BatchOptionsValidator : IValidateOptions<BatchOptions>
{
    public ValidateOptionsResult Validate(string? name, BatchOptions options)
    {
        var errors = new List<string>();
        if (options.HeartbeatInterval < TimeSpan.FromMilliseconds(100) || options.HeartbeatInterval > TimeSpan.FromMinutes(5))
        {
            errors.Add($"Batch:HeartbeatInterval must be between 100 ms and 5 minutes (was {options.HeartbeatInterval}).");
        }

        // A few missed heartbeats (a slow database, a long GC) must not make a live run look dead.
        if (options.StaleAfter < options.HeartbeatInterval * 3)
        {
            errors.Add($"Batch:StaleAfter ({options.StaleAfter}) must be at least 3 heartbeat intervals ({options.HeartbeatInterval * 3}).");
        }

        if (options.DefaultSource is { Length: > 0 } source && !BatchSourceFactory.TryParse(source, out _, out _, out var error))
        {
            errors.Add($"Batch:DefaultSource: {error}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
