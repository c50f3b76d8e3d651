namespace Upt.Grains;

/// <summary>
/// Wakes every domain's <see cref="IErrorMaintenanceGrain"/> on a reminder, so retention and retries survive restarts
/// without a reminder per domain (new domains are picked up at the next tick). Key: <see cref="Key"/>.
/// </summary>
[Alias("upt.IErrorMaintenanceSchedulerGrain")]
public interface IErrorMaintenanceSchedulerGrain : IGrainWithStringKey
{
    /// <summary>The single key of this grain.</summary>
    const string Key = "all";

    /// <summary>Registers the reminder unless it is registered already (every silo calls this at start).</summary>
    [Alias("EnsureStarted")]
    ValueTask EnsureStartedAsync(CancellationToken cancellationToken = default);
}
