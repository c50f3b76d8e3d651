using Microsoft.Extensions.Diagnostics.HealthChecks;
using Upt.Grains;

namespace Upt.Api.Hosting;

/// <summary>Ready when a grain call round-trips to the cluster.</summary>
internal sealed class ClusterClientHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await grains.GetGrain<IDomainDirectoryGrain>(IDomainDirectoryGrain.Key).ListAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("cluster not reachable", ex);
        }
    }
}
