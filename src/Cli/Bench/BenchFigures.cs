using System.Globalization;

namespace Upt.Cli.Bench;

/// <summary>The headline figures of one bench run and the last line other tools parse.</summary>
internal sealed record BenchFigures(
    double E2eObjectsPerSecond,
    double KinesisDrainPerSecond,
    double PgRowsPerSecond,
    double PgObjectsPerSecond,
    double P50Ms,
    double P99Ms,
    double NthObjectCost,
    double BatchObjectsPerSecond,
    double UnmergeDepthMs)
{
    /// <summary>
    /// End to end against the slower of the two ceilings, both in objects per second: the PostgreSQL ceiling is
    /// compared as objects (N / seconds of the same upserts), because rows per object vary with the object mix.
    /// </summary>
    public double Ratio => Ceiling > 0 ? E2eObjectsPerSecond / Ceiling : 0;

    /// <summary>The denominator of <see cref="Ratio"/>.</summary>
    public double Ceiling => Math.Min(KinesisDrainPerSecond, PgObjectsPerSecond);

    /// <summary>Which ceiling <see cref="Ratio"/> used.</summary>
    public string RatioBasis => KinesisDrainPerSecond <= PgObjectsPerSecond ? "kinesis_drain_per_s" : "pg_objects_per_s";

    /// <summary>The fixed-shape last line of <c>upt bench</c>: integers, and two decimals for the two quotients.</summary>
    public string LastLine() => string.Create(CultureInfo.InvariantCulture,
        $"bench: e2e_objects_per_s={Whole(E2eObjectsPerSecond)} kinesis_drain_per_s={Whole(KinesisDrainPerSecond)} pg_rows_per_s={Whole(PgRowsPerSecond)} ratio={Ratio:0.00} p50_ms={Whole(P50Ms)} p99_ms={Whole(P99Ms)} nth_object_cost={NthObjectCost:0.00} batch_objects_per_s={Whole(BatchObjectsPerSecond)} unmerge_depth1000_ms={Whole(UnmergeDepthMs)}");

    private static long Whole(double value) => (long)Math.Round(value, MidpointRounding.AwayFromZero);
}
