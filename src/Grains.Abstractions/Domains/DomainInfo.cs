namespace Upt.Grains;

/// <summary>A domain with its counters (profiles, objects per type, errors).</summary>
[GenerateSerializer, Immutable, Alias("upt.domain-info")]
public sealed record DomainInfo(
    [property: Id(0)] string Name,
    [property: Id(1)] DateTimeOffset CreatedAt,
    [property: Id(2)] long Profiles,
    [property: Id(3)] IReadOnlyDictionary<string, long> ObjectsByType,
    [property: Id(4)] long Errors,
    [property: Id(5)] DomainSettings Settings)
{
    /// <summary>All objects over all types.</summary>
    public long Objects => ObjectsByType.Values.Sum();
}
