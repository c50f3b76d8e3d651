using System.ComponentModel.DataAnnotations;

namespace Upt.Api.Hosting;

/// <summary>How the API reaches the silo cluster. Section <c>Orleans</c> (shared with the silo).</summary>
public sealed class UptClusterOptions
{
    [Required] public string ClusterId { get; set; } = "upt";

    [Required] public string ServiceId { get; set; } = "upt";
}
