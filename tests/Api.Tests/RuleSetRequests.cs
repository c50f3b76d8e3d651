using System.Text.Json.Nodes;

namespace Upt.Api.Tests;

/// <summary>Rule-set requests as the tests send them.</summary>
public static class RuleSetRequests
{
    /// <summary>A UPT-shaped save body: one profile-level rule per name, matching on LastName.</summary>
    public static JsonObject SaveBody(params string[] ruleNames) => new()
    {
        ["saveRuleSetRq"] = new JsonObject
        {
            ["rules"] = new JsonArray(ruleNames.Select((name, i) => (JsonNode)new JsonObject
            {
                ["index"] = i,
                ["name"] = name,
                ["description"] = "",
                ["conditions"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["conditionType"] = "match",
                    ["incomingObjectType"] = "_profile",
                    ["incomingObjectField"] = "LastName",
                }),
            }).ToArray()),
        },
    };

    public static HttpRequestMessage Save(string domain, JsonObject body) => ApiRequests.Request(HttpMethod.Post, "/api/ucp/ruleSet", domain, body);

    public static HttpRequestMessage Activate(string domain) => ApiRequests.Request(HttpMethod.Post, "/api/ucp/ruleSet/activate", domain);

    public static HttpRequestMessage List(string domain, bool history) => ApiRequests.Request(HttpMethod.Get, $"/api/ucp/ruleSet?includesHistorical={(history ? "true" : "false")}", domain);

    /// <summary>Saves the default rules as the draft of <paramref name="domain"/> as global admin, so an activation has something to activate.</summary>
    public static async Task SaveDraftAsync(AuthClusterFixture fixture, string domain)
    {
        // The default rules again: the route tests share their domains, and other routes' cases (an unmerge needs a
        // pair the loyalty rule merged) rely on the default rules staying active after an activation.
        var body = new JsonObject { ["saveRuleSetRq"] = new JsonObject { ["rules"] = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Upt.Rules.DefaultRuleSets.Rules)) } };
        var answer = await ApiRequests.SendAsync(fixture.Api, Save(domain, body), await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin));
        Assert.True(answer.Status == 200, $"saving a draft in {domain}: {answer}");
    }
}
