namespace Upt.Grains;

/// <summary>
/// The privacy search of one connect id in a domain. <see cref="Status"/> is rolled up from the locations as UPT does
/// (a failed location wins over a running one, over an invoked one, over the search's own status);
/// <see cref="Locations"/> is empty in listings.
/// </summary>
[GenerateSerializer, Immutable, Alias("upt.privacy-search-view")]
public sealed record PrivacySearchView(
    [property: Id(0)] string Domain,
    [property: Id(1)] string ConnectId,
    [property: Id(2)] string Status,
    [property: Id(3)] string ErrorMessage,
    [property: Id(4)] DateTimeOffset SearchDate,
    [property: Id(5)] int TotalResultsFound,
    [property: Id(6)] string TransactionId,
    [property: Id(7)] IReadOnlyList<PrivacyLocationView> Locations);
