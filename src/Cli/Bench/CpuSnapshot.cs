using System.Globalization;

namespace Upt.Cli.Bench;

/// <summary>
/// CPU seconds used so far by named groups of processes (each a set of root pids and all their descendants), and by
/// the whole machine, from /proc. Two snapshots give the split of a phase: which process was busy, and whether
/// something outside the bench (another engineer's tests) took cores.
/// </summary>
internal sealed record CpuSnapshot(DateTimeOffset At, IReadOnlyDictionary<string, double> Seconds, double MachineBusySeconds)
{
    // USER_HZ: 100 on every Linux the project runs on (x86-64 and arm64 kernels alike).
    private const double TicksPerSecond = 100;

    /// <summary>Reads /proc now; a group whose roots are gone counts 0.</summary>
    public static CpuSnapshot Take(IReadOnlyDictionary<string, int[]> groups)
    {
        var table = ReadProcesses();
        var children = table.GroupBy(p => p.Value.Parent).ToDictionary(g => g.Key, g => g.Select(p => p.Key).ToList());
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        var allRoots = groups.Values.SelectMany(r => r).ToHashSet();
        foreach (var (name, roots) in groups)
        {
            // Live descendants count their own time; exited ones are in their parent's cutime/cstime. A descendant
            // that is another group's root (the silos are children of the bench process) counts for that group only.
            var seen = new HashSet<int>(allRoots.Except(roots));
            var pending = new Stack<int>(roots.Where(table.ContainsKey));
            double ticks = 0;
            while (pending.TryPop(out var pid))
            {
                if (!seen.Add(pid))
                {
                    continue;
                }

                ticks += table[pid].Ticks;
                foreach (var child in children.GetValueOrDefault(pid) ?? [])
                {
                    pending.Push(child);
                }
            }

            seconds[name] = ticks / TicksPerSecond;
        }

        return new CpuSnapshot(DateTimeOffset.UtcNow, seconds, MachineBusy());
    }

    /// <summary>Cores used per group between <paramref name="before"/> and this snapshot, e.g. <c>silo 1.32, postgres 0.41 | machine 1.90 of 2</c>.</summary>
    public string CoresSince(CpuSnapshot before)
    {
        ArgumentNullException.ThrowIfNull(before);
        var wall = (At - before.At).TotalSeconds;
        if (wall <= 0)
        {
            return "n/a";
        }

        var parts = Seconds.Select(s => string.Create(CultureInfo.InvariantCulture,
            $"{s.Key} {(s.Value - before.Seconds.GetValueOrDefault(s.Key)) / wall:0.00}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{string.Join(", ", parts)} | machine {(MachineBusySeconds - before.MachineBusySeconds) / wall:0.00} of {Environment.ProcessorCount} cores");
    }

    /// <summary>
    /// CPU milliseconds a group spent per unit of work since <paramref name="before"/>: unlike throughput, this hardly
    /// changes when other work on the machine takes cores away, so runs on a busy machine stay comparable.
    /// </summary>
    public double MillisecondsPer(CpuSnapshot before, string group, long units)
    {
        ArgumentNullException.ThrowIfNull(before);
        return units > 0 ? (Seconds.GetValueOrDefault(group) - before.Seconds.GetValueOrDefault(group)) * 1000 / units : 0;
    }

    private static Dictionary<int, (int Parent, double Ticks)> ReadProcesses()
    {
        var table = new Dictionary<int, (int, double)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));

                // The command name may hold spaces and parentheses: fields are counted from the last ')'.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
                var ticks = fields.Skip(11).Take(4).Sum(f => double.Parse(f, CultureInfo.InvariantCulture));
                table[pid] = (parent, ticks);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // The process ended while we looked.
            }
        }

        return table;
    }

    private static double MachineBusy()
    {
        try
        {
            // First line of /proc/stat: cpu user nice system idle iowait irq softirq steal ...; busy = all but idle and iowait.
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            return (fields.Take(8).Sum() - fields[3] - fields[4]) / TicksPerSecond;
        }
        catch (Exception ex) when (ex is IOException or FormatException or IndexOutOfRangeException)
        {
            return 0;
        }
    }
}
