using System.Diagnostics;
using System.Text;

namespace Upt.DevInfra;

/// <summary>Runs short helper commands (initdb, pg_ctl, psql) to completion, capturing output.</summary>
public static class ProcessRunner
{
    /// <summary>Runs <paramref name="file"/> with <paramref name="args"/>; throws with the output when it fails.</summary>
    public static async Task<string> RunAsync(string file, IEnumerable<string> args, string? runAsUser = null, IDictionary<string, string>? env = null, TimeSpan? timeout = null)
    {
        var psi = BuildStartInfo(file, args, runAsUser);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        if (env is not null)
        {
            foreach (var (k, v) in env)
            {
                psi.Environment[k] = v;
            }
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Cannot start {file}");
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(cts.Token);
        output.Append(await stdout).Append(await stderr);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', psi.ArgumentList)} exited {process.ExitCode}: {output}");
        }

        return output.ToString();
    }

    /// <summary>Builds a start info, wrapping the command in <c>runuser</c> when a user is given and we are root.</summary>
    public static ProcessStartInfo BuildStartInfo(string file, IEnumerable<string> args, string? runAsUser)
    {
        ProcessStartInfo psi;
        if (runAsUser is not null)
        {
            psi = new ProcessStartInfo("runuser") { UseShellExecute = false };
            psi.ArgumentList.Add("-u");
            psi.ArgumentList.Add(runAsUser);
            psi.ArgumentList.Add("--");
            psi.ArgumentList.Add(file);
        }
        else
        {
            psi = new ProcessStartInfo(file) { UseShellExecute = false };
        }

        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        return psi;
    }
}
