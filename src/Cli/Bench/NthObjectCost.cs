using System.Diagnostics;
using Upt.Grains;

namespace Upt.Cli.Bench;

/// <summary>
/// Does the cost of an object grow with the profile it lands in? Clickstream events of one session (one traveller,
/// one profile), each with its own timestamp and so its own object row, ingested one call at a time through
/// <see cref="IIngestGrain"/>, each call timed.
/// </summary>
internal sealed class NthObjectCost(IClusterClient client, string domain)
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public int Calls { get; init; } = 1000;

    /// <summary>Calls on the warm-up traveller; tiered JIT needs a few hundred calls of a path to reach its final code.</summary>
    public int WarmUpCalls { get; init; } = 300;

    /// <summary>Further warm-up travellers, a few calls each, so that the new-profile path is warm too.</summary>
    public int WarmUpTravellers { get; init; } = 10;

    /// <summary>Calls on each further warm-up traveller.</summary>
    public const int CallsPerWarmUpTraveller = 20;

    /// <summary>Every call a run makes, warm-up included.</summary>
    public int TotalCalls => Calls + WarmUpCalls + (WarmUpTravellers * CallsPerWarmUpTraveller);

    /// <summary>Warms up on one traveller, then times <see cref="Calls"/> calls on another; returns the timings and that traveller.</summary>
    public async Task<(NthObjectResult Result, string TravellerId)> RunAsync(CancellationToken cancellationToken)
    {
        var grain = client.GetGrain<IIngestGrain>(0);
        var run = Guid.NewGuid().ToString("N")[..12];

        // Warm-up on another traveller: JIT, grain activations and connection pools are not what is measured.
        await IngestSeriesAsync(grain, $"bench-nth-warmup-{run}", WarmUpCalls, cancellationToken);
        for (var i = 0; i < WarmUpTravellers; i++)
        {
            await IngestSeriesAsync(grain, $"bench-nth-warmup-{run}-{i}", CallsPerWarmUpTraveller, cancellationToken);
        }

        var traveller = $"bench-nth-{run}";
        var times = await IngestSeriesAsync(grain, traveller, Calls, cancellationToken);
        return (new NthObjectResult(times), traveller);
    }

    private async Task<List<double>> IngestSeriesAsync(IIngestGrain grain, string session, int calls, CancellationToken cancellationToken)
    {
        var times = new List<double>(calls);
        for (var i = 0; i < calls; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var at = Start.AddSeconds(i);
            var data = BenchClickstream.Envelope(domain, session, at, $"{session}-{i}");
            var started = Stopwatch.GetTimestamp();
            var summary = await grain.IngestAsync([new RawRecord($"{session}/{i}", data, DateTimeOffset.UtcNow)]);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (summary.Errors != 0 || summary.FlatRecords != 1)
            {
                throw new BenchFailedException($"nth-object call {i + 1} for {session} gave {summary} (expected 1 flat record, 0 errors)");
            }
        }

        return times;
    }
}
