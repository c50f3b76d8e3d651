namespace Upt.Cli.Run;

/// <summary>A domain's counters as <c>GET /api/ucp/admin/{domain}</c> reports them.</summary>
internal sealed record DomainCounts(long Profiles, long Objects, long Errors);
