namespace Upt.Storage;

/// <summary>
/// Who a privacy request is about in one domain: every profile id that holds or held the connect id's data and the
/// traveller ids linked to it.
/// </summary>
/// <param name="ConnectId">The connect id asked for.</param>
/// <param name="LiveProfileId">The live profile the connect id resolves to (itself, or the survivor it was merged into); null when none exists.</param>
/// <param name="ProfileIds">The connect id, the live profile, every profile merged into it (tombstones), and the ids the merge
/// history shows were merged into them and deleted since; sorted.</param>
/// <param name="TravellerIds">The traveller ids of the live profile, sorted.</param>
public sealed record SubjectIds(string ConnectId, string? LiveProfileId, IReadOnlyList<string> ProfileIds, IReadOnlyList<string> TravellerIds);
