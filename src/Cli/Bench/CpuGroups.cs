using System.Globalization;
using Upt.DevInfra;

namespace Upt.Cli.Bench;

/// <summary>The processes of a local cluster by role, for <see cref="CpuSnapshot"/>. Resolved each time: silos restart.</summary>
internal static class CpuGroups
{
    public static IReadOnlyDictionary<string, int[]> Of(LocalCluster cluster)
    {
        var groups = new Dictionary<string, int[]>(StringComparer.Ordinal)
        {
            ["silo"] = cluster.Silos.Where(s => s.Process is not null).Select(s => s.Process!.ProcessId).ToArray(),
            ["postgres"] = Postmaster(cluster) is { } pg ? [pg] : [],
            ["kinesalite"] = Kinesalite(cluster.KinesisEndpoint.Port) is { } k ? [k] : [],
            ["api"] = cluster.Api is { } api ? [api.ProcessId] : [],
            ["bench"] = [Environment.ProcessId],
        };
        return groups;
    }

    // The first line of postmaster.pid is the server's pid; its backends are its children.
    private static int? Postmaster(LocalCluster cluster)
    {
        try
        {
            var first = File.ReadLines(Path.Combine(cluster.DataDirectory, "pg", "postmaster.pid")).FirstOrDefault();
            return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // kinesalite is a node process started with "--port N"; other engineers' kinesalites use other ports.
    private static int? Kinesalite(int port)
    {
        var portArg = port.ToString(CultureInfo.InvariantCulture);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var args = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                var at = Array.IndexOf(args, "--port");
                if (at >= 0 && at + 1 < args.Length && args[at + 1] == portArg && args.Any(a => a.Contains("kinesalite", StringComparison.Ordinal))
                    && int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                {
                    return pid;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Gone, or not ours to read.
            }
        }

        return null;
    }
}
