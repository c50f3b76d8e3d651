using System.Diagnostics;
using System.Text;
using Upt.DevInfra;

namespace Upt.TestSupport;

/// <summary>Runs a script of tools/node/scripts with node (the official AWS client and signer, for wire-compatibility tests), feeding stdin; kills it on timeout.</summary>
public static class NodeScript
{
    public static async Task<string> RunAsync(string script, IEnumerable<string> args, string? stdin = null, TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryPaths.NodeTools,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add(Path.Combine(RepositoryPaths.NodeTools, "scripts", script));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("Cannot start node");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await using (var input = process.StandardInput)
        {
            if (stdin is not null)
            {
                await input.WriteAsync(stdin);
            }
        }

        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish in time; stderr: {await stderr}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {script} exited with {process.ExitCode}: {await stderr}");
        }

        return await stdout;
    }
}
