namespace Upt.Grains;

/// <summary>
/// One unified traveller profile. Key: <c>{domain}/{profileId}</c>. Holds the profile-level fields
/// (with provenance); objects live as rows in Postgres, so a write costs the same however many
/// objects the profile has.
/// </summary>
[Alias("upt.IProfileGrain")]
public interface IProfileGrain : IGrainWithStringKey
{
    /// <summary>Applies one traveller's records in order; returns once the effects are durable.</summary>
    [Alias("Apply")]
    ValueTask<ApplyOutcome> ApplyAsync(ProfileApply apply, CancellationToken cancellationToken = default);

    /// <summary>The profile (or, for a merged-away id, its survivor), or null when it does not exist.</summary>
    /// <remarks>Interleaves: it only reads an immutable snapshot of the state and the database, and a
    /// merged-away profile forwards it to its survivor, which may at that moment be calling this profile.</remarks>
    [Alias("Get"), AlwaysInterleave]
    ValueTask<ProfileView?> GetAsync(ProfileQuery query, CancellationToken cancellationToken = default);

    /// <summary>Survivor side of a merge: absorbs another profile (fields by precedence, objects, travellers).</summary>
    [Alias("Absorb")]
    ValueTask<ApplyOutcome> AbsorbAsync(string absorbedProfileId, MergeContext context, DomainSettings settings, CancellationToken cancellationToken = default);

    /// <summary>
    /// Absorbed side, step 1: hands its fields to the survivor and stops taking writes (they fail as
    /// retryable) until <see cref="CompleteDetachAsync"/>; or where it went if another survivor absorbed it first.
    /// </summary>
    [Alias("Detach")]
    ValueTask<DetachResult> DetachAsync(string survivorProfileId, CancellationToken cancellationToken = default);

    /// <summary>Absorbed side, step 2: the survivor's write committed (become a tombstone) or failed (resume).</summary>
    [Alias("CompleteDetach")]
    ValueTask CompleteDetachAsync(string survivorProfileId, bool merged, CancellationToken cancellationToken = default);

    /// <summary>The id this profile is known by now: itself, its survivor (followed through every merge), or null when it does not exist.</summary>
    /// <remarks>Interleaves: a read of the in-memory forward, safe to call from anywhere during merges.</remarks>
    [Alias("Resolve"), AlwaysInterleave]
    ValueTask<string?> ResolveAsync(CancellationToken cancellationToken = default);

    /// <summary>As <see cref="ResolveAsync"/>, with whether the current profile is a side of an unmerge (so its matches need the block check).</summary>
    [Alias("ResolveMergeTarget"), AlwaysInterleave]
    ValueTask<MergeTarget?> ResolveMergeTargetAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// After an unmerge moved travellers and objects: reloads the row and recomputes the fields, loyalty ids and every
    /// lookup and rule-index entry from the objects the profile now holds. Returns the keys to link again.
    /// </summary>
    /// <param name="settings">The domain's settings.</param>
    /// <param name="unmerged">The rebuild follows an unmerge of this profile: mark it a side of a negative link.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Alias("Rebuild")]
    ValueTask<ApplyOutcome> RebuildAsync(DomainSettings settings, bool unmerged = false, CancellationToken cancellationToken = default);

    /// <summary>
    /// The rule keys the last apply reported were not linked after all (its resolution failed): the next apply links
    /// every key of the profile again rather than only the new ones.
    /// </summary>
    [Alias("ForgetLinkedKeys")]
    ValueTask ForgetLinkedKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>After a delete: forgets everything in memory and deactivates.</summary>
    [Alias("Reset")]
    ValueTask ResetAsync(CancellationToken cancellationToken = default);
}
