using System.Text.Json.Nodes;
using static Upt.Api.Summaries.ProfileText;

namespace Upt.Api.Summaries;

/// <summary>
/// The default summary: plain sentences built from the profile's own data (who, contact, loyalty, trips, stays,
/// interactions, online activity), with no model and no service to call. Deterministic: the same profile always
/// gives the same text, and a field the caller may not see (absent from the filtered view) is simply not mentioned.
/// </summary>
public sealed partial class NarrativeSummaryGenerator : IProfileSummaryGenerator
{
    /// <summary>Latest trips named per kind.</summary>
    public const int LatestTrips = 3;

    public Task<string> GenerateAsync(ProfileSummaryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(Narrate(request.Profile));
    }

    /// <summary>The summary of a traveller view.</summary>
    public static string Narrate(JsonObject profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var sentences = new[] { Who(profile), About(profile), Contact(profile), Loyalty(profile), Air(profile), Hotel(profile), Service(profile), Online(profile), Timeline(profile) };
        return string.Join(" ", sentences.Where(s => s.Length > 0));
    }

    private static string Who(JsonObject p)
    {
        var name = Join(" ", Of(p, "honorific"), Of(p, "firstName"), Of(p, "middleName"), Of(p, "lastName"));
        var ids = p["travellerIds"] is JsonArray a ? a.Select(Value).Where(v => v.Length > 0).ToList() : [];
        if (ids.Count == 0 && Of(p, "travellerId") is { Length: > 0 } single)
        {
            ids.Add(single);
        }

        var who = name.Length > 0 ? name : "This traveller";
        return ids.Count switch
        {
            0 => name.Length > 0 ? $"{name}." : "",
            1 => $"{who} is traveller {ids[0]}.",
            _ => $"{who} is one profile merged from {ids.Count} traveller ids ({string.Join(", ", ids.Take(5))}{(ids.Count > 5 ? ", ..." : "")}).",
        };
    }

    private static string About(JsonObject p)
    {
        var work = (Of(p, "jobTitle"), Of(p, "companyName")) switch
        {
            ({ Length: > 0 } job, { Length: > 0 } company) => $"works as {job} at {company}",
            ({ Length: > 0 } job, _) => $"works as {job}",
            (_, { Length: > 0 } company) => $"works at {company}",
            _ => "",
        };
        var facts = Join(", ",
            Prefixed("born ", Of(p, "birthDate")),
            Prefixed("gender ", Of(p, "gender")),
            Prefixed("nationality ", First(Of(p, "nationalityName"), Of(p, "nationalityCode"))),
            Prefixed("speaks ", First(Of(p, "languageName"), Of(p, "languageCode"))),
            work);
        return facts.Length > 0 ? Capitalised(facts) + "." : "";
    }

    private static string Contact(JsonObject p)
    {
        var phones = new[] { ("phone", "phoneNumber"), ("mobile", "mobilePhoneNumber"), ("home phone", "homePhoneNumber"), ("business phone", "businessPhoneNumber") }
            .Select(x => (x.Item1, Value: Of(p, x.Item2))).Where(x => x.Value.Length > 0)
            .DistinctBy(x => x.Value, StringComparer.Ordinal).Select(x => $"{x.Item1} {x.Value}");
        var home = p["homeAddress"] is JsonObject a
            ? Join(", ", Join(" ", Of(a, "Address1"), Of(a, "Address2")), Of(a, "City"), Join(" ", First(Of(a, "State"), Of(a, "Province")), Of(a, "PostalCode")), Of(a, "Country"))
            : "";
        var contact = Join(", ", new[] { Prefixed("email ", Of(p, "personalEmailAddress")), Prefixed("business email ", Of(p, "businessEmailAddress")) }
            .Concat(phones).Append(Prefixed("home address ", home)).ToArray());
        return contact.Length > 0 ? $"Contact: {contact}." : "";
    }

    private static string Timeline(JsonObject p)
    {
        var created = DatePart(Of(p, "created"));
        var updated = DatePart(Of(p, "lastUpdated"));
        return (created, updated) switch
        {
            ({ Length: > 0 }, { Length: > 0 }) => $"Profile created {created}, last updated {updated}.",
            ({ Length: > 0 }, _) => $"Profile created {created}.",
            _ => "",
        };
    }

    private static string Prefixed(string prefix, string value) => value.Length > 0 ? prefix + value : "";

    private static string First(params string[] values) => values.FirstOrDefault(v => v.Length > 0) ?? "";

    /// <summary>The date of an ISO timestamp (<c>2024-06-01T10:00:00Z</c> → <c>2024-06-01</c>); other text as it is.</summary>
    private static string DatePart(string value) => value.Length > 10 && value[10] == 'T' ? value[..10] : value;
}
