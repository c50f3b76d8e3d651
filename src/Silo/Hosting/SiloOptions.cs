using System.ComponentModel.DataAnnotations;

namespace Upt.Silo.Hosting;

/// <summary>Silo identity and endpoints. Section <c>Orleans</c>; on Kubernetes the pod IP comes from the downward API.</summary>
public sealed class SiloOptions
{
    [Required] public string ClusterId { get; set; } = "upt";

    [Required] public string ServiceId { get; set; } = "upt";

    [Range(1, 65535)] public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)] public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients use; loopback for a one-machine cluster.</summary>
    public string AdvertisedIPAddress { get; set; } = "127.0.0.1";
}
