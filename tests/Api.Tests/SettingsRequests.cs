using System.Text.Json.Nodes;

namespace Upt.Api.Tests;

/// <summary>Requests of the portal and domain settings routes, and of profile summaries.</summary>
public static class SettingsRequests
{
    /// <summary>A valid hyperlink template of air bookings.</summary>
    public static JsonObject BookingLink { get; } = Mapping("air_booking", "booking_id", "https://pss.example.com/bookings/{{booking_id}}");

    /// <summary><c>GET /api/ucp/portalConfig</c>.</summary>
    public static HttpRequestMessage GetPortal(string domain) => ApiRequests.Request(HttpMethod.Get, "/api/ucp/portalConfig", domain);

    /// <summary><c>POST /api/ucp/portalConfig</c> with <paramref name="mappings"/>.</summary>
    public static HttpRequestMessage SavePortal(string domain, params JsonObject[] mappings) =>
        ApiRequests.Request(HttpMethod.Post, "/api/ucp/portalConfig", domain, new JsonObject
        {
            ["portalConfig"] = new JsonObject { ["hyperlinkMappings"] = new JsonArray(mappings.Select(m => (JsonNode)m.DeepClone()).ToArray()) },
        });

    /// <summary>One entry of <c>hyperlinkMappings</c>.</summary>
    public static JsonObject Mapping(string type, string field, string template) =>
        new() { ["accpObject"] = type, ["fieldName"] = field, ["hyperlinkTemplate"] = template };

    /// <summary><c>GET /api/ucp/promptConfig</c>.</summary>
    public static HttpRequestMessage GetSettings(string domain) => ApiRequests.Request(HttpMethod.Get, "/api/ucp/promptConfig", domain);

    /// <summary><c>POST /api/ucp/promptConfig</c>.</summary>
    public static HttpRequestMessage SaveSettings(string domain, string prompt, bool promptActive, double threshold, bool matchActive) =>
        ApiRequests.Request(HttpMethod.Post, "/api/ucp/promptConfig", domain, SettingsBody(prompt, promptActive, threshold, matchActive));

    /// <summary>The body of <c>POST /api/ucp/promptConfig</c>.</summary>
    public static JsonObject SettingsBody(string prompt, bool promptActive, double threshold, bool matchActive) => new()
    {
        ["domainSetting"] = new JsonObject
        {
            ["promptConfig"] = new JsonObject { ["value"] = prompt, ["isActive"] = promptActive },
            ["matchConfig"] = new JsonObject { ["value"] = threshold, ["isActive"] = matchActive },
        },
    };

    /// <summary><c>GET /api/ucp/profile/summary/{id}</c>.</summary>
    public static HttpRequestMessage Summary(string domain, string profileId) => ApiRequests.Request(HttpMethod.Get, $"/api/ucp/profile/summary/{profileId}", domain);

    /// <summary>Turns summaries on in <paramref name="domain"/> with UPT's default threshold (the route case of the summary needs them on).</summary>
    public static async Task EnableSummariesAsync(AuthClusterFixture fixture, string domain)
    {
        var answer = await ApiRequests.SendAsync(fixture.Api, SaveSettings(domain, "Summarise the traveller for a service agent.", true, 0.99, true),
            await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin));
        Assert.True(answer.Status == 200, answer.ToString());
    }
}
