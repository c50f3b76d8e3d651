namespace Upt.Storage;

/// <summary>What deleting a profile removed.</summary>
/// <param name="Deleted">False when the profile did not exist (already deleted): nothing changed.</param>
/// <param name="ProfileId">The live profile deleted (the requested id, or the profile it forwarded to).</param>
/// <param name="TravellerIds">The traveller ids removed, sorted.</param>
/// <param name="ObjectsByType">Objects removed per object type (the counters went down by these numbers).</param>
/// <param name="Lookups">Lookup entries removed (search and rule-index entries).</param>
/// <param name="ForwardingProfileIds">Tombstones of profiles it had absorbed, removed with it, sorted.</param>
public sealed record DeletedProfile(
    bool Deleted,
    string ProfileId,
    IReadOnlyList<string> TravellerIds,
    IReadOnlyDictionary<string, long> ObjectsByType,
    long Lookups,
    IReadOnlyList<string> ForwardingProfileIds)
{
    internal static DeletedProfile Missing(string profileId) =>
        new(false, profileId, [], new Dictionary<string, long>(StringComparer.Ordinal), 0, []);
}
