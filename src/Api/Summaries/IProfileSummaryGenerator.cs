namespace Upt.Api.Summaries;

/// <summary>Writes the narrative summary of one profile (<c>GET /api/ucp/profile/summary/{id}</c>).</summary>
public interface IProfileSummaryGenerator
{
    /// <summary>
    /// The summary of <see cref="ProfileSummaryRequest.Profile"/>, which is already what the caller may see: a
    /// generator must not read the profile from anywhere else.
    /// </summary>
    Task<string> GenerateAsync(ProfileSummaryRequest request, CancellationToken cancellationToken = default);
}
