using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Upt.DevInfra;

/// <summary>
/// A built silo or API running as a child process (<c>dotnet Upt.X.dll</c>), its output in a log file.
/// <see cref="Kill"/> is a crash (SIGKILL); <see cref="StopAsync"/> is a graceful shutdown (SIGTERM, then SIGKILL after a grace period).
/// </summary>
public sealed partial class UptProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private readonly Process _process;
    private readonly ILogger _logger;
    private volatile bool _disposed;

    private UptProcess(Process process, UptProcessOptions options, ILogger logger)
    {
        _process = process;
        _logger = logger;
        Name = options.Name;
        App = options.App;
        LogFile = options.LogFile;
        HttpUrl = new Uri($"http://127.0.0.1:{options.HttpPort}");
        ProcessId = process.Id;
    }

    /// <summary>The name given in the options.</summary>
    public string Name { get; }

    /// <summary>Which program runs.</summary>
    public UptApp App { get; }

    /// <summary>The program's HTTP base address.</summary>
    public Uri HttpUrl { get; }

    /// <summary>The file with the program's stdout and stderr.</summary>
    public string LogFile { get; }

    /// <summary>The process id.</summary>
    public int ProcessId { get; }

    /// <summary>True once the process has ended (killed, stopped or crashed).</summary>
    public bool HasExited => _disposed || _process.HasExited;

    /// <summary>Starts the program and waits until <c>/health/ready</c> answers 200.</summary>
    /// <exception cref="FileNotFoundException">The build output is missing.</exception>
    /// <exception cref="TimeoutException">Not ready in time; the message holds the end of the log.</exception>
    /// <exception cref="InvalidOperationException">The process exited before it was ready; the message holds the end of the log.</exception>
    public static async Task<UptProcess> StartAsync(UptProcessOptions options, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dll = UptBuildOutput.AssemblyPath(options.App, options.Configuration);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.LogFile))!);
        await File.AppendAllTextAsync(options.LogFile,
            $"=== {options.Name} starting at {DateTimeOffset.UtcNow:O}{System.Environment.NewLine}", cancellationToken);

        var psi = BuildStartInfo(dll, options);
        var process = Process.Start(psi) ?? throw new InvalidOperationException($"Cannot start {options.Name} (dotnet {dll})");
        var started = new UptProcess(process, options, logger ?? NullLogger.Instance);
        Log.Started(started._logger, options.Name, process.Id, options.LogFile);
        try
        {
            await started.WaitUntilReadyAsync(options.ReadyTimeout, cancellationToken);
        }
        catch
        {
            started.Kill();
            await started.WaitForExitAsync(TimeSpan.FromSeconds(10));
            started._process.Dispose();
            throw;
        }

        Log.Ready(started._logger, options.Name, started.HttpUrl);
        return started;
    }

    /// <summary>Polls <c>/health/ready</c> until it answers 200, the process exits, or the time is up.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var ready = new Uri(HttpUrl, "/health/ready");
        var watch = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"{Name} exited with code {_process.ExitCode} before it was ready. End of {LogFile}:{System.Environment.NewLine}{LogTail.Read(LogFile)}");
            }

            if (await IsReadyAsync(ready, cancellationToken))
            {
                return;
            }

            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException(
                    $"{Name} was not ready ({ready} did not answer 200) within {timeout.TotalSeconds:0} s. End of {LogFile}:{System.Environment.NewLine}{LogTail.Read(LogFile)}");
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    /// <summary>Crashes the process (SIGKILL): no shutdown code runs, as when a pod is killed.</summary>
    public void Kill()
    {
        try
        {
            if (!HasExited)
            {
                _process.Kill();
                Log.Killed(_logger, Name, _process.Id);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }

    /// <summary>Waits until the process has ended; false when it still runs after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// Graceful stop: SIGTERM (the host runs its shutdown: the silo leaves the cluster, checkpoints), then waits up to
    /// <paramref name="grace"/> (default 30 s) and kills the process if it is still there.
    /// </summary>
    public async Task StopAsync(TimeSpan? grace = null)
    {
        if (HasExited)
        {
            return;
        }

        // .NET has no API to send SIGTERM to another process; kill(1) does it without interop code.
        try
        {
            await ProcessRunner.RunAsync("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        }
        catch (InvalidOperationException)
        {
            // The process ended in the meantime.
        }

        if (await WaitForExitAsync(grace ?? TimeSpan.FromSeconds(30)))
        {
            Log.Stopped(_logger, Name, _process.ExitCode);
            return;
        }

        Log.StopTimedOut(_logger, Name, (grace ?? TimeSpan.FromSeconds(30)).TotalSeconds);
        Kill();
        await WaitForExitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Stops gracefully (see <see cref="StopAsync"/>).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        await StopAsync();
        _disposed = true;
        _process.Dispose();
    }

    private static ProcessStartInfo BuildStartInfo(string dll, UptProcessOptions options)
    {
        // setsid: the child gets its own session, so Ctrl-C in the terminal reaches only `upt run`, which then stops
        // the children in order instead of all of them dying at once. The shell execs dotnet with its output sent
        // straight to the log file: the child never blocks on a pipe and keeps logging if this process dies, and
        // because each step execs, the process id we hold is the dotnet process itself (Kill hits the real program).
        var psi = new ProcessStartInfo("setsid") { UseShellExecute = false };
        foreach (var arg in new[] { "sh", "-c", "exec \"$@\" >>\"$UPT_PROCESS_LOG\" 2>&1 </dev/null", "sh", "dotnet", dll })
        {
            psi.ArgumentList.Add(arg);
        }

        psi.WorkingDirectory = Path.GetDirectoryName(dll)!;
        psi.Environment["UPT_PROCESS_LOG"] = Path.GetFullPath(options.LogFile);
        psi.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{options.HttpPort}";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in options.Environment)
        {
            psi.Environment[key] = value;
        }

        return psi;
    }

    private static async Task<bool> IsReadyAsync(Uri ready, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Http.GetAsync(ready, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The 5 s request timeout: the host is up but busy starting.
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Debug, Message = "{Name} started (pid {Pid}), log {LogFile}")]
        public static partial void Started(ILogger logger, string name, int pid, string logFile);

        [LoggerMessage(Level = LogLevel.Information, Message = "{Name} ready at {Url}")]
        public static partial void Ready(ILogger logger, string name, Uri url);

        [LoggerMessage(Level = LogLevel.Information, Message = "{Name} killed (pid {Pid})")]
        public static partial void Killed(ILogger logger, string name, int pid);

        [LoggerMessage(Level = LogLevel.Information, Message = "{Name} stopped (exit code {ExitCode})")]
        public static partial void Stopped(ILogger logger, string name, int exitCode);

        [LoggerMessage(Level = LogLevel.Warning, Message = "{Name} did not stop within {Seconds} s of SIGTERM; killing it")]
        public static partial void StopTimedOut(ILogger logger, string name, double seconds);
    }
}
