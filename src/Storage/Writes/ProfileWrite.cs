namespace Upt.Storage;

/// <summary>
/// Everything one profile grain turn makes durable, written atomically with other grains' writes.
/// </summary>
public sealed record ProfileWrite(string Domain, string ProfileId)
{
    /// <summary>New profile-level fields (jsonb), or null when they did not change.</summary>
    public string? FieldsJson { get; init; }

    /// <summary>Traveller ids to link to this profile (ignored when already linked).</summary>
    public IReadOnlyList<string> NewTravellers { get; init; } = [];

    /// <summary>Objects to upsert; an unchanged object is not rewritten.</summary>
    public IReadOnlyList<ObjectRow> Objects { get; init; } = [];

    /// <summary>Lookup entries to add.</summary>
    public IReadOnlyList<LookupRow> AddLookups { get; init; } = [];

    /// <summary>Lookup entries to remove.</summary>
    public IReadOnlyList<LookupRow> RemoveLookups { get; init; } = [];

    /// <summary>
    /// Profiles this one absorbs: their objects and travellers are re-pointed here, their lookups dropped,
    /// and their rows kept as forwarding tombstones (<c>merged_into</c>) with the fields they had. Each one that
    /// becomes a tombstone gets its merge history row in the same transaction.
    /// </summary>
    public IReadOnlyList<AbsorbedProfile> Absorbed { get; init; } = [];

    /// <summary>True when nothing would be written.</summary>
    public bool IsEmpty => FieldsJson is null && NewTravellers.Count == 0 && Objects.Count == 0 && AddLookups.Count == 0 && RemoveLookups.Count == 0 && Absorbed.Count == 0;
}
