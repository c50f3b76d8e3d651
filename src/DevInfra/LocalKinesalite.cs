using System.Diagnostics;
using System.Net.Sockets;

namespace Upt.DevInfra;

/// <summary>
/// A kinesalite server (a real implementation of the Kinesis API, from npm) on a loopback port,
/// killed on dispose. Streams live in memory unless a data folder is given.
/// </summary>
public sealed class LocalKinesalite : IAsyncDisposable
{
    private readonly Process _process;

    private LocalKinesalite(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    /// <summary>The node process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>The port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The HTTP endpoint of the Kinesis API.</summary>
    public Uri Endpoint => new($"http://127.0.0.1:{Port}");

    /// <summary>Starts kinesalite; with <paramref name="dataDir"/> streams persist there (LevelDB).</summary>
    public static async Task<LocalKinesalite> StartAsync(int? port = null, string? dataDir = null, int createStreamMs = 50)
    {
        var cli = Path.Combine(RepositoryPaths.NodeTools, "node_modules", "kinesalite", "cli.js");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException($"kinesalite is not installed ({cli}); run `npm ci --prefix tools/node`.");
        }

        var p = port ?? FreePort.Next();
        var args = new List<string> { cli, "--port", p.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--createStreamMs", createStreamMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--deleteStreamMs", "0", "--updateStreamMs", "0", "--shardLimit", "200" };
        if (dataDir is not null)
        {
            Directory.CreateDirectory(dataDir);
            args.Add("--path");
            args.Add(dataDir);
        }

        // setsid: its own session, so Ctrl-C in the terminal of `upt run` does not kill it before the silos that read it stop.
        args.Insert(0, "node");
        var psi = ProcessRunner.BuildStartInfo("setsid", args, runAsUser: null);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        var process = Process.Start(psi) ?? throw new InvalidOperationException("Cannot start node");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"kinesalite exited with {process.ExitCode}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", p);
                return new LocalKinesalite(process, p);
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("kinesalite did not start listening within 30 s");
    }

    /// <summary>Kills the server.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
