namespace Upt.Grains;

/// <summary>
/// Merges, unmerges and deletes profiles of a domain on request (API, fuzzy auto-merge). Key: the domain.
/// A stateless worker: profiles never orchestrate merges themselves, because a profile waiting on another profile
/// that waits on it would deadlock; here the survivor is always the smaller profile id, so calls between profiles
/// only ever go from a smaller id to a larger one and cannot form a cycle.
/// </summary>
[Alias("upt.IMergeGrain")]
public interface IMergeGrain : IGrainWithStringKey
{
    /// <summary>
    /// Merges the profiles <paramref name="profileId"/> and <paramref name="otherProfileId"/> currently belong to
    /// (old ids are followed to their survivors). The smaller current id survives. Returns the survivor's id and the
    /// MERGED events, or no events when they were one profile already; null when either does not exist.
    /// </summary>
    [Alias("Merge")]
    ValueTask<ApplyOutcome?> MergeAsync(string profileId, string otherProfileId, MergeContext context, CancellationToken cancellationToken = default);

    /// <summary>Undoes the merge of <paramref name="toUnmerge"/> into <paramref name="mergedInto"/>; both profiles are rebuilt from their objects.</summary>
    [Alias("Unmerge")]
    ValueTask<UnmergeOutcome> UnmergeAsync(string toUnmerge, string mergedInto, string? operatorId, CancellationToken cancellationToken = default);

    /// <summary>Deletes a profile (an old id deletes its survivor) with its objects, travellers and index entries; false when it did not exist.</summary>
    [Alias("Delete")]
    ValueTask<bool> DeleteProfileAsync(string profileId, string? operatorId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The lineage of the object <paramref name="objectId"/> of type <paramref name="objectType"/> held by the profile
    /// <paramref name="profileId"/> currently belongs to (an old id is followed to its survivor): its creation, with the
    /// profile it was ingested for, then every merge from that profile up to its current parent, oldest first. When
    /// several travellers of the profile carry that object id, the most recently created object counts. Null when the
    /// profile or the object does not exist.
    /// </summary>
    [Alias("GetInteractionHistory")]
    ValueTask<IReadOnlyList<InteractionHistoryEntry>?> GetInteractionHistoryAsync(string objectType, string objectId, string profileId, CancellationToken cancellationToken = default);
}
