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

    /// <summary>The profile, or null when it does not exist.</summary>
    [Alias("Get")]
    ValueTask<ProfileView?> GetAsync(ProfileQuery query, CancellationToken cancellationToken = default);
}
