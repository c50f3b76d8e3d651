using System.Globalization;
using Upt.DevInfra;

namespace Upt.Cli.Bench;

/// <summary>
/// The silos' .NET runtime counters (from each silo's Prometheus scrape): bytes allocated, collections per generation,
/// GC pause time, JIT-compiled methods and JIT time. Unlike CPU shares, allocations per object do not move when
/// something else on the machine takes cores, so they show what a code change did even on a busy machine.
/// </summary>
internal sealed record SiloRuntimeSnapshot(double AllocatedBytes, double Gen0, double Gen1, double Gen2, double PauseSeconds, double JitMethods, double JitSeconds)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Sums the counters of every running silo; a silo that does not answer counts 0 (the line says so).</summary>
    public static async Task<SiloRuntimeSnapshot> TakeAsync(LocalCluster cluster, CancellationToken cancellationToken)
    {
        var total = new SiloRuntimeSnapshot(0, 0, 0, 0, 0, 0, 0);
        foreach (var silo in cluster.Silos.Where(s => s.IsRunning))
        {
            try
            {
                var text = await Http.GetStringAsync(new Uri(silo.Process!.HttpUrl, "/metrics"), cancellationToken);
                total = total.Plus(Parse(text));
            }
            catch (HttpRequestException)
            {
                // Reported as zeros: a runtime readout must not fail the bench.
            }
        }

        return total;
    }

    /// <summary>Reads the runtime meter's series out of a Prometheus text exposition.</summary>
    public static SiloRuntimeSnapshot Parse(string prometheusText)
    {
        double allocated = 0, gen0 = 0, gen1 = 0, gen2 = 0, pause = 0, jitMethods = 0, jitSeconds = 0;
        foreach (var line in prometheusText.Split('\n'))
        {
            // "name{labels} value [timestamp]": the value is the first token after the series.
            var seriesEnd = line.IndexOf('}') is var brace and >= 0 ? brace + 1 : line.IndexOf(' ');
            if (line.StartsWith('#') || seriesEnd <= 0 || seriesEnd >= line.Length)
            {
                continue;
            }

            var series = line[..seriesEnd];
            var rest = line[seriesEnd..].Trim().Split(' ');
            if (!double.TryParse(rest[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            var name = series.Split('{')[0];
            switch (name)
            {
                case "dotnet_gc_heap_total_allocated_bytes_total": allocated += value; break;
                case "dotnet_gc_pause_time_seconds_total": pause += value; break;
                case "dotnet_jit_compiled_methods_total": jitMethods += value; break;
                case "dotnet_jit_compilation_time_seconds_total": jitSeconds += value; break;
                case "dotnet_gc_collections_total" when series.Contains("\"gen0\"", StringComparison.Ordinal): gen0 += value; break;
                case "dotnet_gc_collections_total" when series.Contains("\"gen1\"", StringComparison.Ordinal): gen1 += value; break;
                case "dotnet_gc_collections_total" when series.Contains("\"gen2\"", StringComparison.Ordinal): gen2 += value; break;
            }
        }

        return new SiloRuntimeSnapshot(allocated, gen0, gen1, gen2, pause, jitMethods, jitSeconds);
    }

    /// <summary>What happened between <paramref name="before"/> and this snapshot, per unit of work where that helps.</summary>
    public string Since(SiloRuntimeSnapshot before, int objects, TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture,
        $"allocated {(AllocatedBytes - before.AllocatedBytes) / 1024 / objects:0.0} KB per object; GCs gen0 {Gen0 - before.Gen0:0}, gen1 {Gen1 - before.Gen1:0}, gen2 {Gen2 - before.Gen2:0}; "
        + $"GC pauses {(PauseSeconds - before.PauseSeconds) * 1000:0} ms ({(PauseSeconds - before.PauseSeconds) * 100 / elapsed.TotalSeconds:0}% of the time); "
        + $"JIT {JitMethods - before.JitMethods:0} methods, {(JitSeconds - before.JitSeconds) * 1000:0} ms");

    private SiloRuntimeSnapshot Plus(SiloRuntimeSnapshot other) => new(
        AllocatedBytes + other.AllocatedBytes, Gen0 + other.Gen0, Gen1 + other.Gen1, Gen2 + other.Gen2,
        PauseSeconds + other.PauseSeconds, JitMethods + other.JitMethods, JitSeconds + other.JitSeconds);
}
