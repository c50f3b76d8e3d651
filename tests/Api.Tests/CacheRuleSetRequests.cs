using System.Text.Json.Nodes;

namespace Upt.Api.Tests;

/// <summary>Cache rule-set requests and the AWS-only routes' requests as the tests send them.</summary>
public static class CacheRuleSetRequests
{
    /// <summary>A UPT-shaped save body: one rule per name, skipping profiles whose LastName equals the name.</summary>
    public static JsonObject SkipBody(params string[] lastNames) => new()
    {
        ["saveRuleSetRq"] = new JsonObject
        {
            ["rules"] = new JsonArray(lastNames.Select((name, i) => (JsonNode)new JsonObject
            {
                ["index"] = i,
                ["name"] = $"skip_{name}",
                ["description"] = "",
                ["conditions"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["conditionType"] = "skip",
                    ["incomingObjectType"] = "_profile",
                    ["incomingObjectField"] = "LastName",
                    ["op"] = "equals_value",
                    ["skipConditionValue"] = new JsonObject { ["valueType"] = "string", ["stringValue"] = name },
                }),
            }).ToArray()),
        },
    };

    public static HttpRequestMessage Save(string domain, JsonObject body) => ApiRequests.Request(HttpMethod.Post, "/api/ucp/ruleSetCache", domain, body);

    public static HttpRequestMessage Activate(string domain) => ApiRequests.Request(HttpMethod.Post, "/api/ucp/ruleSetCache/activate", domain);

    public static HttpRequestMessage List(string domain, bool history) => ApiRequests.Request(HttpMethod.Get, $"/api/ucp/ruleSetCache?includesHistorical={(history ? "true" : "false")}", domain);

    public static HttpRequestMessage Rebuild(string domain, string? type) =>
        ApiRequests.Request(HttpMethod.Post, type is null ? "/api/ucp/cache" : $"/api/ucp/cache?type={type}", domain);

    /// <summary>Saves a skip rule as the cache draft of <paramref name="domain"/> as global admin, so an activation has something to activate.</summary>
    public static async Task SaveDraftAsync(AuthClusterFixture fixture, string domain)
    {
        var answer = await ApiRequests.SendAsync(fixture.Api, Save(domain, SkipBody("test")), await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin));
        Assert.True(answer.Status == 200, $"saving a cache draft in {domain}: {answer}");
    }
}
