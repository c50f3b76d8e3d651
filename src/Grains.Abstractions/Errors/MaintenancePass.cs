namespace Upt.Grains;

/// <summary>What one maintenance pass of a domain's error records did.</summary>
[GenerateSerializer, Immutable, Alias("upt.maintenance-pass")]
public sealed record MaintenancePass(
    [property: Id(0)] long Purged,
    [property: Id(1)] int Attempted,
    [property: Id(2)] int Succeeded,
    [property: Id(3)] int Exhausted);
