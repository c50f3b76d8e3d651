namespace Upt.Cli.Bench;

/// <summary>What <c>upt bench</c> was asked to run.</summary>
/// <param name="Objects">Synthetic business objects loaded before the end-to-end measurement.</param>
/// <param name="Shards">Shards of the bench stream (one Orleans queue each).</param>
/// <param name="Silos">Silo processes.</param>
/// <param name="Seed">Seed of the synthetic generator.</param>
internal sealed record BenchSettings(int Objects, int Shards, int Silos, int Seed)
{
    /// <summary>Extra silo environment (e.g. a log level), to measure what a setting changes without a rebuild.</summary>
    public IReadOnlyDictionary<string, string> SiloEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Identity resolution on the end-to-end domain: <c>off</c> (default: the figures measure the grid and the end state
    /// can be checked exactly, one profile per traveller id), <c>rules</c> (the default rule set) or <c>all</c> (rules and fuzzy matching).
    /// </summary>
    public string IdentityResolution { get; init; } = "off";

    /// <summary>Objects of the batch phase (one folder of JSONL files, one job).</summary>
    public int BatchObjects { get; init; } = DefaultBatchObjects;

    /// <summary>The batch bar is stated for a folder of 100,000 business objects.</summary>
    public const int DefaultBatchObjects = 100_000;

    /// <summary>The domain every bench object belongs to.</summary>
    public const string Domain = "bench";

    /// <summary>
    /// Seed of the latency feed. The generator numbers travellers from <c>seed % 100000</c>, so an offset of 50,000
    /// gives brand-new travellers as long as the load's pool (objects / 4) stays below 50,000.
    /// </summary>
    public int LatencySeed => unchecked(Seed + 50_000);

    /// <summary>The largest load whose travellers cannot collide with the latency feed's.</summary>
    public const int MaxObjects = 200_000;
}
