using System.Text.Json.Nodes;

namespace Upt.Api.Tests;

/// <summary>The rule-set routes end to end: save, activate, list with history, validation errors in UPT's envelope.</summary>
[Collection(AuthClusterCollection.Name)]
public sealed class RuleSetApiTests(AuthClusterFixture fixture)
{
    [Fact]
    public async Task Save_activate_and_list_with_and_without_history()
    {
        var domain = ApiRequests.NewDomainName("rs");
        var admin = await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin);
        await fixture.CreateDomainAsync(domain, admin);

        var saved = await ApiRequests.SendAsync(fixture.Api, RuleSetRequests.Save(domain, RuleSetRequests.SaveBody("by_last_name", "again")), admin);
        Assert.True(saved.Status == 200, saved.ToString());
        Assert.Equal("", saved.ErrorCode);

        var current = await ApiRequests.SendAsync(fixture.Api, RuleSetRequests.List(domain, history: false), admin);
        Assert.True(current.Status == 200, current.ToString());
        Assert.Equal([("draft", 0, 2), ("active", 1, 3)], Sets(current));
        var normalization = current.Json!["ruleSets"]![0]!["rules"]![0]!["conditions"]![0]!["indexNormalization"]!;
        Assert.Equal((true, true, false), ((bool)normalization["lowercase"]!, (bool)normalization["trim"]!, (bool)normalization["removeSpaces"]!));
        var mappings = current.Json["profileMappings"]!.AsArray().Select(n => (string)n!).ToList();
        Assert.Contains("Address.City", mappings);
        Assert.Equal("FirstName", mappings[0]);

        var activated = await ApiRequests.SendAsync(fixture.Api, RuleSetRequests.Activate(domain), admin);
        Assert.True(activated.Status == 200, activated.ToString());
        var ev = activated.Json!["asyncEvent"]!;
        // The event follows the re-resolution of existing profiles, which has just been started (AsyncApiTests polls it).
        Assert.Equal(("startBatchIdRes", "invoked", 0.0), ((string?)ev["item_id"], (string?)ev["status"], (double)ev["progress"]!));
        Assert.True(Guid.TryParseExact((string?)ev["item_type"], "D", out _), ev.ToJsonString());
        Assert.NotEqual((string?)activated.Json["TxID"], (string?)ev["item_type"]);
        Assert.NotNull((string?)ev["lastUpdated"]);

        var all = await ApiRequests.SendAsync(fixture.Api, RuleSetRequests.List(domain, history: true), admin);
        Assert.Equal([("v1", 1, 3), ("active", 2, 2)], Sets(all));
        Assert.Equal(["by_last_name", "again"], all.Json!["ruleSets"]![1]!["rules"]!.AsArray().Select(r => (string?)r!["name"]));
        Assert.Equal([("active", 2, 2)], Sets(await ApiRequests.SendAsync(fixture.Api, RuleSetRequests.List(domain, history: false), admin)));

        var again = await ApiRequests.SendAsync(fixture.Api, RuleSetRequests.Activate(domain), admin);
        Assert.True(again.Status == 400, again.ToString());
        Assert.Equal("validation error: no draft rule set to activate", again.ErrorMessage);
    }

    [Fact]
    public async Task An_invalid_rule_set_is_400_with_the_validation_messages()
    {
        var admin = await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin);
        var body = RuleSetRequests.SaveBody("hybrid");
        body["saveRuleSetRq"]!["rules"]![0]!["conditions"]!.AsArray().Add(new JsonObject
        {
            ["index"] = 1, ["conditionType"] = "match", ["incomingObjectType"] = "air_booking", ["incomingObjectField"] = "booking_ref",
        });

        var answer = await ApiRequests.SendAsync(fixture.Api, RuleSetRequests.Save(fixture.Domain, body), admin);

        Assert.True(answer.Status == 400, answer.ToString());
        Assert.Equal(("400", "validation_error"), (answer.ErrorCode, (string?)answer.Json!["error"]!["type"]));
        Assert.Equal("validation error: rule 0 condition 1: field 'booking_ref' does not exist in object type 'air_booking'; "
            + "rule 0: mixes _profile and object-level conditions; hybrid rules are deprecated since UPT 2.1.1, split it into a profile-level and an object-level rule",
            answer.ErrorMessage);
    }

    [Fact]
    public async Task A_body_without_saveRuleSetRq_rules_is_400()
    {
        var answer = await ApiRequests.SendAsync(fixture.Api, RuleSetRequests.Save(fixture.Domain, new JsonObject { ["rules"] = new JsonArray() }),
            await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin));

        Assert.True(answer.Status == 400, answer.ToString());
        Assert.Equal("validation error: saveRuleSetRq.rules (an array) is required", answer.ErrorMessage);
    }

    [Fact]
    public async Task The_routes_are_in_the_OpenAPI_document()
    {
        var answer = await ApiRequests.SendAsync(fixture.Api, ApiRequests.Request(HttpMethod.Get, "/openapi/v1.json", null), null);

        var paths = answer.Json!["paths"]!.AsObject();
        Assert.Equal(["get", "post"], paths["/api/ucp/ruleSet"]!.AsObject().Select(p => p.Key).Order());
        Assert.Equal(["post"], paths["/api/ucp/ruleSet/activate"]!.AsObject().Select(p => p.Key));
    }

    private static List<(string?, int, int)> Sets(ApiAnswer answer) =>
        answer.Json!["ruleSets"]!.AsArray().Select(s => ((string?)s!["name"], (int)s["latestVersion"]!, s["rules"]!.AsArray().Count)).ToList();
}
