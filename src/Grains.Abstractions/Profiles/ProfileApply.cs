namespace Upt.Grains;

/// <summary>Records of one traveller to apply to the traveller's profile, in stream order.</summary>
[GenerateSerializer, Immutable, Alias("upt.profile-apply")]
public sealed record ProfileApply(
    [property: Id(0)] string TravellerId,
    [property: Id(1)] IReadOnlyList<IngestRecord> Records,
    [property: Id(2)] DomainSettings Settings);
