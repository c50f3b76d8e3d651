namespace Upt.DevInfra;

/// <summary>How to start one Upt program with <see cref="UptProcess.StartAsync"/>.</summary>
public sealed class UptProcessOptions
{
    /// <summary>Which program.</summary>
    public required UptApp App { get; init; }

    /// <summary>A short name for messages and the log file (e.g. <c>silo-0</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The loopback port of the program's HTTP endpoint (health checks, and the API itself).</summary>
    public required int HttpPort { get; init; }

    /// <summary>The file that receives the program's stdout and stderr (appended to).</summary>
    public required string LogFile { get; init; }

    /// <summary>Configuration as environment variables (<c>Postgres__ConnectionString</c>, <c>Orleans__SiloPort</c>, ...).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The build configuration whose output is started.</summary>
    public string Configuration { get; init; } = "Release";

    /// <summary>How long <c>/health/ready</c> may take to answer 200.</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromMinutes(2);
}
