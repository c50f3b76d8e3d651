using System.Text.Json.Nodes;
using Upt.TestSupport;

namespace Upt.Api.Tests.Privacy;

/// <summary>Requests of the privacy and async routes as UPT's clients send them.</summary>
public static class PrivacyRequests
{
    public static HttpRequestMessage Search(string domain, params string[] connectIds) =>
        ApiRequests.Request(HttpMethod.Post, "/api/ucp/privacy", domain, new JsonObject
        {
            ["privacySearchRq"] = new JsonArray(connectIds.Select(id => (JsonNode)new JsonObject { ["connectId"] = id }).ToArray()),
        });

    public static HttpRequestMessage Purge(string domain, params string[] connectIds) =>
        ApiRequests.Request(HttpMethod.Post, "/api/ucp/privacy/purge", domain, new JsonObject
        {
            ["createPrivacyPurgeRq"] = new JsonObject
            {
                ["connectIds"] = new JsonArray(connectIds.Select(id => (JsonNode)JsonValue.Create(id)).ToArray()),
                ["agentCognitoId"] = "someone-else",
            },
        });

    public static HttpRequestMessage Delete(string domain, params string[] connectIds) =>
        ApiRequests.Request(HttpMethod.Delete, "/api/ucp/privacy", domain, new JsonArray(connectIds.Select(id => (JsonNode)JsonValue.Create(id)).ToArray()));

    public static HttpRequestMessage Get(string domain, string connectId) => ApiRequests.Request(HttpMethod.Get, $"/api/ucp/privacy/{connectId}", domain);

    public static HttpRequestMessage List(string domain) => ApiRequests.Request(HttpMethod.Get, "/api/ucp/privacy", domain);

    public static HttpRequestMessage PurgeStatus(string domain) => ApiRequests.Request(HttpMethod.Get, "/api/ucp/privacy/purge", domain);

    public static HttpRequestMessage Async(string id, string useCase) =>
        ApiRequests.Request(HttpMethod.Get, $"/api/ucp/async?id={Uri.EscapeDataString(id)}&usecase={Uri.EscapeDataString(useCase)}", null);

    /// <summary>A request whose body is <paramref name="text"/> as sent (invalid JSON, a bare array...).</summary>
    public static HttpRequestMessage Raw(HttpMethod method, string path, string domain, string text)
    {
        var request = ApiRequests.Request(method, path, domain);
        request.Content = new StringContent(text, System.Text.Encoding.UTF8, "application/json");
        return request;
    }

    /// <summary>The <c>asyncEvent</c> of a 200 answer.</summary>
    public static JsonObject EventOf(ApiAnswer answer)
    {
        Assert.True(answer.Status == 200, answer.ToString());
        return (JsonObject)answer.Json!["asyncEvent"]!;
    }

    /// <summary>Polls <c>GET /api/ucp/async</c> for <paramref name="asyncEvent"/> until it is success or failed; returns it.</summary>
    public static async Task<JsonObject> WaitForEndAsync(HttpClient api, JsonObject asyncEvent, string token)
    {
        var (id, useCase) = ((string)asyncEvent["item_type"]!, (string)asyncEvent["item_id"]!);
        var answer = await Eventually.WaitAsync(
            () => ApiRequests.SendAsync(api, Async(id, useCase), token),
            a => a.Status == 200 && (string?)a.Json!["asyncEvent"]!["status"] is "success" or "failed",
            TimeSpan.FromMinutes(2),
            $"async event {useCase} {id} to end");
        return (JsonObject)answer.Json!["asyncEvent"]!;
    }
}
