using System.Text.Json.Nodes;

namespace Upt.Api.Summaries;

/// <summary>
/// One summary to write: <see cref="Profile"/> is the traveller view (<c>TravellerMapper.ToTraveller</c>) after the
/// caller's data filter; <see cref="Prompt"/> is the domain's prompt (<c>promptConfig.value</c>).
/// </summary>
public sealed record ProfileSummaryRequest(string Domain, string ProfileId, JsonObject Profile, string Prompt);
