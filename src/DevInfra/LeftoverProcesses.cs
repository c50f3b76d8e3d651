using System.Diagnostics;
using System.Globalization;

namespace Upt.DevInfra;

/// <summary>
/// Remembers the processes a <see cref="LocalCluster"/> started in a file in its data folder, so that a later start can
/// kill those a crashed or SIGKILLed run left behind (they run in their own sessions and outlive their parent).
/// </summary>
internal static class LeftoverProcesses
{
    // Only processes whose command line still names one of these are killed: pids get reused.
    private static readonly string[] Markers = ["Upt.Silo.dll", "Upt.Api.dll", "kinesalite", LocalOidcIssuer.ScriptName];

    public static void Record(string file, int pid) =>
        File.AppendAllText(file, pid.ToString(CultureInfo.InvariantCulture) + "\n");

    /// <summary>Kills the recorded processes that still run one of our programs, then forgets them all.</summary>
    public static int KillRecorded(string file)
    {
        if (!File.Exists(file))
        {
            return 0;
        }

        var killed = 0;
        foreach (var line in File.ReadAllLines(file))
        {
            if (!int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || !IsOurs(pid))
            {
                continue;
            }

            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
                process.WaitForExit(10_000);
                killed++;
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Gone already, or not ours to kill.
            }
        }

        File.Delete(file);
        return killed;
    }

    private static bool IsOurs(int pid)
    {
        try
        {
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
            return Markers.Any(m => commandLine.Contains(m, StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
