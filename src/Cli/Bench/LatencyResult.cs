namespace Upt.Cli.Bench;

/// <summary>What the latency phase measured.</summary>
/// <param name="LatenciesMs">Ack-to-readable time of each probe that became readable.</param>
/// <param name="TimedOut">Probes not readable within the bound (counted at the bound in the percentiles).</param>
/// <param name="Sent">Objects sent.</param>
/// <param name="Rate">Objects per second asked for.</param>
/// <param name="Elapsed">Wall time of the feed.</param>
/// <param name="Polls">API requests the probes made (their load is part of what the latency saw).</param>
internal sealed record LatencyResult(IReadOnlyList<double> LatenciesMs, int TimedOut, long Sent, double Rate, TimeSpan Elapsed, long Polls);
