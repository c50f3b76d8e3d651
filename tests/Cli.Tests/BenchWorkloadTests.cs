using Upt.Cli.Bench;

namespace Upt.Cli.Tests;

public sealed class BenchWorkloadTests
{
    [Fact]
    public void Expected_counts_are_the_distinct_keys_and_travellers_of_the_transformed_rows()
    {
        var workload = BenchWorkload.Generate(seed: 3, domain: "bench", count: 300);

        Assert.Equal(300, workload.Envelopes.Count);
        Assert.Equal(0, workload.Expected.TransformErrors);
        Assert.Equal(workload.Rows.Count, workload.Expected.FlatRecords);
        Assert.Equal(workload.Rows.Select(r => (r.ObjectType, r.TravellerId, r.ObjectId)).Distinct().Count(), workload.Expected.Objects);
        Assert.Equal(workload.Rows.Select(r => r.TravellerId).Distinct().Count(), workload.Expected.Travellers);
        Assert.All(workload.Travellers, t => Assert.NotEmpty(t));
    }

    [Fact]
    public void Counting_only_gives_the_counts_of_the_full_workload()
    {
        var envelopes = new Upt.Feed.Synthetic.SyntheticTrafficGenerator(7, "bench_batch").Generate(400).ToList(); // the batch phase's domain

        var counts = BenchWorkload.CountOnly(envelopes);

        Assert.Equal(0, counts.TransformErrors);
        Assert.Equal(BenchWorkload.From(envelopes).Expected, counts);
    }

    [Fact]
    public void The_same_seed_gives_the_same_rows()
    {
        var a = BenchWorkload.Generate(5, "bench", 100);
        var b = BenchWorkload.Generate(5, "bench", 100);

        Assert.Equal(a.Rows, b.Rows);
    }

    [Fact]
    public void The_latency_seed_gives_travellers_the_load_does_not_have()
    {
        var settings = new BenchSettings(Objects: 2000, Shards: 4, Silos: 1, Seed: 1);
        var load = BenchWorkload.Generate(settings.Seed, "bench", settings.Objects);
        var fresh = BenchWorkload.Generate(settings.LatencySeed, "bench", 500);

        var loaded = load.Rows.Select(r => r.TravellerId).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(fresh.Rows, r => loaded.Contains(r.TravellerId));
    }
}
