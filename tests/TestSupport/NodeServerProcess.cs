using System.Diagnostics;
using System.Net.Sockets;
using Upt.DevInfra;

namespace Upt.TestSupport;

/// <summary>A node server started from tools/node and killed on dispose; ready once its loopback port accepts connections.</summary>
public sealed class NodeServerProcess : IAsyncDisposable
{
    private const int StderrLines = 20;
    private readonly Process _process;
    private readonly Queue<string> _stderr;

    private NodeServerProcess(Process process, Queue<string> stderr, int port)
    {
        _process = process;
        _stderr = stderr;
        Port = port;
    }

    /// <summary>The port the server listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>Runs <c>node</c> with <paramref name="args"/> (paths relative to tools/node) and waits until <paramref name="port"/> answers.</summary>
    public static async Task<NodeServerProcess> StartAsync(string name, int port, IEnumerable<string> args, TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryPaths.NodeTools,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException($"Cannot start node for {name}");
        var stderr = new Queue<string>();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (stderr)
            {
                stderr.Enqueue(e.Data);
                if (stderr.Count > StderrLines)
                {
                    stderr.Dequeue();
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new NodeServerProcess(process, stderr, port);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with {process.ExitCode}: {server.RecentErrors()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return server;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        await server.DisposeAsync();
        throw new TimeoutException($"{name} did not listen on port {port} in time: {server.RecentErrors()}");
    }

    /// <summary>The last lines the server wrote to stderr.</summary>
    public string RecentErrors()
    {
        lock (_stderr)
        {
            return string.Join(Environment.NewLine, _stderr);
        }
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
