namespace Upt.DevInfra;

/// <summary>One silo slot of a <see cref="LocalCluster"/>: fixed ports, and the process while it runs.</summary>
public sealed class LocalSilo
{
    internal LocalSilo(int index, int siloPort, int gatewayPort, int httpPort, string logFile)
    {
        Index = index;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        HttpPort = httpPort;
        LogFile = logFile;
    }

    /// <summary>The position in <see cref="LocalCluster.Silos"/>.</summary>
    public int Index { get; }

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; }

    /// <summary>Client gateway port.</summary>
    public int GatewayPort { get; }

    /// <summary>HTTP port of the health endpoints.</summary>
    public int HttpPort { get; }

    /// <summary>The silo's log file (appended to across restarts).</summary>
    public string LogFile { get; }

    /// <summary>The name used in logs, <c>silo-N</c>.</summary>
    public string Name => $"silo-{Index}";

    /// <summary>The running process; null before the first start and after a stop.</summary>
    public UptProcess? Process { get; internal set; }

    /// <summary>True while the silo process runs.</summary>
    public bool IsRunning => Process is { HasExited: false };
}
