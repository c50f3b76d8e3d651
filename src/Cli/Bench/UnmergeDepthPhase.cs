using System.Diagnostics;
using Upt.Grains;

namespace Upt.Cli.Bench;

/// <summary>
/// Unmerge at history depth <see cref="Depth"/> (UPT walks at most 1,000 merges and takes about 8 s). Builds the
/// chain for real: <see cref="Depth"/> + 1 travellers with one object each, merged one after the other through
/// <see cref="IMergeGrain"/> in descending profile-id order, so that each merge's survivor (the smaller id) absorbs
/// the whole chain so far. Then times one unmerge of the root's direct child, which takes the other
/// <see cref="Depth"/> - 1 profiles of the lineage with it, both sides rebuilt from their objects.
/// </summary>
internal sealed class UnmergeDepthPhase(IClusterClient client, string domain)
{
    private static readonly DateTimeOffset At = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public int Depth { get; init; } = 1000;

    public async Task<UnmergeDepthResult> RunAsync(CancellationToken cancellationToken)
    {
        var run = Guid.NewGuid().ToString("N")[..12];
        var ingest = client.GetGrain<IIngestGrain>(0);
        var travellers = Enumerable.Range(0, Depth + 1).Select(i => $"bench-unmerge-{run}-{i}").ToList();
        foreach (var chunk in travellers.Chunk(100))
        {
            var summary = await ingest.IngestAsync(chunk.Select(t => new RawRecord($"{t}/0", BenchClickstream.Envelope(domain, t, At, t), DateTimeOffset.UtcNow)).ToList());
            if (summary.Errors != 0 || summary.FlatRecords != chunk.Length)
            {
                throw new BenchFailedException($"unmerge phase: ingesting {chunk.Length} travellers gave {summary}");
            }
        }

        var profiles = new List<string>();
        foreach (var traveller in travellers)
        {
            var id = await client.GetGrain<IIdentifierGrain>(GrainKeys.Identifier(domain, IdentifierKinds.Traveller, traveller)).ResolveAsync(cancellationToken)
                ?? throw new BenchFailedException($"unmerge phase: traveller {traveller} has no profile");
            profiles.Add(id);
        }

        // Largest id first: each merge's survivor is the next (smaller) profile, which absorbs the chain built so far.
        profiles.Sort((a, b) => string.CompareOrdinal(b, a));
        var merger = client.GetGrain<IMergeGrain>(domain);
        var building = Stopwatch.StartNew();
        var current = profiles[0];
        foreach (var next in profiles.Skip(1))
        {
            var merged = await merger.MergeAsync(current, next, new MergeContext("manual", OperatorId: "bench"), cancellationToken)
                ?? throw new BenchFailedException($"unmerge phase: merging profile {current} and {next} found no profile");
            if (merged.ProfileId != next)
            {
                throw new BenchFailedException($"unmerge phase: {merged.ProfileId} survived the merge of {current} and {next}, {next} expected");
            }

            current = next;
        }

        var buildTime = building.Elapsed;
        var root = profiles[^1];
        var child = profiles[^2];
        var clock = Stopwatch.StartNew();
        var outcome = await merger.UnmergeAsync(child, root, "bench", cancellationToken);
        var unmergeTime = clock.Elapsed;
        if (!outcome.Succeeded || outcome.MovedTravellerIds.Count != Depth)
        {
            throw new BenchFailedException($"unmerge phase: the unmerge {(outcome.Succeeded ? "succeeded" : "failed")} ({outcome.Message}) and moved {outcome.MovedTravellerIds.Count} travellers, {Depth} expected");
        }

        return new UnmergeDepthResult(Depth, buildTime, unmergeTime, outcome.MovedTravellerIds.Count);
    }
}
