namespace Upt.Grains;

/// <summary>Re-resolution of a domain's existing profiles after a rule-set activation. Key: the domain.</summary>
[Alias("upt.IResolutionJobGrain")]
public interface IResolutionJobGrain : IGrainWithStringKey
{
    /// <summary>Starts (or restarts) the pass for rule-set <paramref name="version"/>; one-way, as the domain grain's news to it.</summary>
    [Alias("Start"), OneWay]
    ValueTask StartAsync(int version);

    /// <summary>The latest run.</summary>
    [Alias("GetStatus"), AlwaysInterleave]
    ValueTask<ResolutionJobStatus> GetStatusAsync(CancellationToken cancellationToken = default);
}
