namespace Upt.Cli.Bench;

/// <summary>The machine's load average, printed with the figures: other work on the machine skews them.</summary>
internal static class LoadAverage
{
    /// <summary>"1-min 5-min 15-min" from /proc/loadavg, or "unknown".</summary>
    public static string Read()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
