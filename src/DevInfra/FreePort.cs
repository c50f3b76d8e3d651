using System.Net;
using System.Net.Sockets;

namespace Upt.DevInfra;

/// <summary>Hands out loopback TCP ports that are free at the time of asking.</summary>
public static class FreePort
{
    /// <summary>Returns a port that nothing listens on right now.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
