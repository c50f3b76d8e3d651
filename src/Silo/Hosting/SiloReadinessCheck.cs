using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Upt.Silo.Hosting;

/// <summary>Ready once migrations are done and this silo is an active member of the cluster.</summary>
internal sealed class SiloReadinessCheck(IClusterMembershipService membership, ILocalSiloDetails local, MigrationState migrations) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!migrations.Done)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("schema migrations not applied yet"));
        }

        var me = membership.CurrentSnapshot.GetSiloStatus(local.SiloAddress);
        return Task.FromResult(me == SiloStatus.Active
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"silo status is {me}"));
    }
}
