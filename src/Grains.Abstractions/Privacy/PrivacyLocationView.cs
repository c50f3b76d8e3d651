namespace Upt.Grains;

/// <summary>One place a privacy search found the subject's data, with its own status (a purge sets it per location).</summary>
[GenerateSerializer, Immutable, Alias("upt.privacy-location-view")]
public sealed record PrivacyLocationView(
    [property: Id(0)] string Type,
    [property: Id(1)] string Location,
    [property: Id(2)] string Status,
    [property: Id(3)] string ErrorMessage);
