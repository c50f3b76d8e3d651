using Upt.Cli.Bench;

namespace Upt.Cli.Tests;

public sealed class SiloRuntimeSnapshotTests
{
    // The shape the OpenTelemetry Prometheus exporter gives the runtime meter's instruments (names, units, tags).
    private const string Scrape = """
        # TYPE dotnet_gc_heap_total_allocated_bytes_total counter
        # UNIT dotnet_gc_heap_total_allocated_bytes_total bytes
        dotnet_gc_heap_total_allocated_bytes_total{otel_scope_name="System.Runtime"} 2048000 1763900000000
        # TYPE dotnet_gc_collections_total counter
        dotnet_gc_collections_total{otel_scope_name="System.Runtime",gc_heap_generation="gen0"} 12 1763900000000
        dotnet_gc_collections_total{otel_scope_name="System.Runtime",gc_heap_generation="gen1"} 3 1763900000000
        dotnet_gc_collections_total{otel_scope_name="System.Runtime",gc_heap_generation="gen2"} 1 1763900000000
        dotnet_gc_pause_time_seconds_total{otel_scope_name="System.Runtime"} 0.25 1763900000000
        dotnet_jit_compiled_methods_total{otel_scope_name="System.Runtime"} 5000 1763900000000
        dotnet_jit_compilation_time_seconds_total{otel_scope_name="System.Runtime"} 1.5 1763900000000
        upt_ingest_objects_total{object_type="air_booking"} 99 1763900000000
        """;

    [Fact]
    public void Parse_reads_the_runtime_counters_and_ignores_other_series()
    {
        var snapshot = SiloRuntimeSnapshot.Parse(Scrape);

        Assert.Equal(new SiloRuntimeSnapshot(2048000, 12, 3, 1, 0.25, 5000, 1.5), snapshot);
    }

    [Fact]
    public void Since_reports_per_object_allocations_collections_pauses_and_jit()
    {
        var before = new SiloRuntimeSnapshot(1024000, 2, 1, 0, 0.05, 4000, 1.0);
        var after = SiloRuntimeSnapshot.Parse(Scrape);

        Assert.Equal(
            "allocated 1.0 KB per object; GCs gen0 10, gen1 2, gen2 1; GC pauses 200 ms (10% of the time); JIT 1000 methods, 500 ms",
            after.Since(before, objects: 1000, elapsed: TimeSpan.FromSeconds(2)));
    }
}
