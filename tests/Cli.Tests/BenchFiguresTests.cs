using Upt.Cli.Bench;

namespace Upt.Cli.Tests;

public sealed class BenchFiguresTests
{
    [Fact]
    public void Last_line_has_the_fixed_shape_with_integers_and_two_decimal_quotients()
    {
        var figures = new BenchFigures(E2eObjectsPerSecond: 1234.5, KinesisDrainPerSecond: 9000.4, PgRowsPerSecond: 15000.6,
            PgObjectsPerSecond: 3000, P50Ms: 41.2, P99Ms: 180.7, NthObjectCost: 1.234, BatchObjectsPerSecond: 2500.5, UnmergeDepthMs: 412.6);

        Assert.Equal(
            "bench: e2e_objects_per_s=1235 kinesis_drain_per_s=9000 pg_rows_per_s=15001 ratio=0.41 p50_ms=41 p99_ms=181 nth_object_cost=1.23 batch_objects_per_s=2501 unmerge_depth1000_ms=413",
            figures.LastLine());
    }

    [Fact]
    public void Ratio_compares_objects_with_the_slower_ceiling_in_objects_not_rows()
    {
        var pgSlower = new BenchFigures(1000, 8000, PgRowsPerSecond: 20000, PgObjectsPerSecond: 4000, 1, 1, 1, 1, 1);
        var kinesisSlower = new BenchFigures(1000, 2000, PgRowsPerSecond: 20000, PgObjectsPerSecond: 4000, 1, 1, 1, 1, 1);

        Assert.Equal(0.25, pgSlower.Ratio, 6);
        Assert.Equal("pg_objects_per_s", pgSlower.RatioBasis);
        Assert.Equal(0.5, kinesisSlower.Ratio, 6);
        Assert.Equal("kinesis_drain_per_s", kinesisSlower.RatioBasis);
    }

    [Fact]
    public void Last_line_does_not_depend_on_the_current_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
            var invariant = new BenchFigures(1, 2, 3, 4, 5, 6, 1.5, 7, 8).LastLine();
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal(invariant, new BenchFigures(1, 2, 3, 4, 5, 6, 1.5, 7, 8).LastLine());
            Assert.Contains("nth_object_cost=1.50", invariant, StringComparison.Ordinal);
        }
        catch (System.Globalization.CultureNotFoundException)
        {
            // InvariantGlobalization: no other culture exists, so none can leak in either.
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Percentiles_are_nearest_rank_samples()
    {
        var samples = Enumerable.Range(1, 200).Select(i => (double)i).Reverse().ToList();

        Assert.Equal(100, Percentiles.Of(samples, 50));
        Assert.Equal(198, Percentiles.Of(samples, 99));
        Assert.Equal(200, Percentiles.Of(samples, 100));
        Assert.Equal(1, Percentiles.Of(samples, 0));
        Assert.Equal(7, Percentiles.Of([7], 99));
    }

    [Fact]
    public void Median_averages_the_two_middle_samples_of_an_even_count()
    {
        Assert.Equal(2.5, Percentiles.Median([4, 1, 3, 2]));
        Assert.Equal(3, Percentiles.Median([5, 3, 1]));
        Assert.Throws<ArgumentException>(() => Percentiles.Median([]));
    }

    [Fact]
    public void Nth_object_cost_is_the_median_of_the_last_20_calls_over_the_first_20()
    {
        var calls = Enumerable.Range(0, 1000).Select(i => i < 20 ? 2.0 : i >= 980 ? 3.0 : 100.0).ToList();
        var result = new NthObjectResult(calls);

        Assert.Equal(2.0, result.FirstMs);
        Assert.Equal(3.0, result.LastMs);
        Assert.Equal(1.5, result.Cost, 6);
        Assert.Equal(10, result.BlockMedians().Count);
    }
}
