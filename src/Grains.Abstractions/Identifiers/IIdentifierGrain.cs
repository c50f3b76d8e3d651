namespace Upt.Grains;

/// <summary>
/// An identifier of a domain. Key: <c>{domain}/{kind}/{value}</c> (see <see cref="IdentifierKinds"/>).
/// A traveller identifier owns the traveller's records: it resolves the traveller to a profile and
/// forwards records there, one batch at a time, which keeps per-traveller order. Lookup identifiers
/// (email, phone, loyalty, last name) answer which profiles carry the value.
/// </summary>
[Alias("upt.IIdentifierGrain")]
public interface IIdentifierGrain : IGrainWithStringKey
{
    /// <summary>Traveller identifiers: applies the traveller's records to its profile, durably.</summary>
    [Alias("Ingest")]
    ValueTask<ApplyOutcome> IngestAsync(IReadOnlyList<IngestRecord> records, DomainSettings settings, CancellationToken cancellationToken = default);

    /// <summary>Traveller identifiers: the profile the traveller belongs to, or null when unknown.</summary>
    /// <remarks>Interleaves (a pure read), so two travellers asking each other during merges never deadlock.</remarks>
    [Alias("Resolve"), AlwaysInterleave]
    ValueTask<string?> ResolveAsync(CancellationToken cancellationToken = default);

    /// <summary>Lookup identifiers: the profiles carrying this value.</summary>
    [Alias("FindProfiles"), AlwaysInterleave]
    ValueTask<IReadOnlyList<string>> FindProfilesAsync(CancellationToken cancellationToken = default);

    /// <summary>Traveller identifiers: forget the cached profile id (an unmerge or delete moved the traveller); the table is read again.</summary>
    [Alias("Forget")]
    ValueTask ForgetAsync(CancellationToken cancellationToken = default);
}
