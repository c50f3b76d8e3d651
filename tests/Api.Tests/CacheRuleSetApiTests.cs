using System.Text.Json.Nodes;

namespace Upt.Api.Tests;

/// <summary>The cache rule-set routes end to end: save, activate, list with history, validation, unknown domain.</summary>
[Collection(AuthClusterCollection.Name)]
public sealed class CacheRuleSetApiTests(AuthClusterFixture fixture)
{
    [Fact]
    public async Task Save_activate_and_list_like_the_rule_set_routes()
    {
        var domain = ApiRequests.NewDomainName("cc");
        var admin = await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin);
        await fixture.CreateDomainAsync(domain, admin);

        var empty = await ApiRequests.SendAsync(fixture.Api, CacheRuleSetRequests.List(domain, history: true), admin);
        Assert.True(empty.Status == 200, empty.ToString());
        Assert.Empty(empty.Json!["ruleSets"]!.AsArray());
        Assert.Equal("FirstName", (string?)empty.Json["profileMappings"]![0]);

        var noDraft = await ApiRequests.SendAsync(fixture.Api, CacheRuleSetRequests.Activate(domain), admin);
        Assert.True(noDraft.Status == 400, noDraft.ToString());
        Assert.Equal("validation error: no draft cache rule set to activate", noDraft.ErrorMessage);

        var saved = await ApiRequests.SendAsync(fixture.Api, CacheRuleSetRequests.Save(domain, CacheRuleSetRequests.SkipBody("test", "demo")), admin);
        Assert.True(saved.Status == 200, saved.ToString());
        Assert.Equal(["TxID", "error"], saved.Json!.Select(p => p.Key));
        Assert.Equal([("draft", 0, 2)], Sets(await ApiRequests.SendAsync(fixture.Api, CacheRuleSetRequests.List(domain, history: false), admin)));

        var first = await ApiRequests.SendAsync(fixture.Api, CacheRuleSetRequests.Activate(domain), admin);
        Assert.True(first.Status == 200, first.ToString());
        Assert.Equal(["TxID", "error"], first.Json!.Select(p => p.Key));
        await ApiRequests.SendAsync(fixture.Api, CacheRuleSetRequests.Save(domain, CacheRuleSetRequests.SkipBody("qa")), admin);
        var second = await ApiRequests.SendAsync(fixture.Api, CacheRuleSetRequests.Activate(domain), admin);
        Assert.True(second.Status == 200, second.ToString());

        var all = await ApiRequests.SendAsync(fixture.Api, CacheRuleSetRequests.List(domain, history: true), admin);
        Assert.Equal([("v1", 1, 2), ("active", 2, 1)], Sets(all));
        var condition = all.Json!["ruleSets"]![1]!["rules"]![0]!["conditions"]![0]!;
        Assert.Equal(("skip", "equals_value", "qa"), ((string?)condition["conditionType"], (string?)condition["op"], (string?)condition["skipConditionValue"]!["stringValue"]));
        Assert.Equal([("active", 2, 1)], Sets(await ApiRequests.SendAsync(fixture.Api, CacheRuleSetRequests.List(domain, history: false), admin)));

        // The identity-resolution rule set is a different one, untouched.
        var identity = await ApiRequests.SendAsync(fixture.Api, RuleSetRequests.List(domain, history: true), admin);
        Assert.Equal(["active"], identity.Json!["ruleSets"]!.AsArray().Select(s => (string?)s!["name"]));
    }

    [Fact]
    public async Task A_match_condition_is_refused_with_the_validation_messages()
    {
        var admin = await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin);
        var answer = await ApiRequests.SendAsync(fixture.Api, CacheRuleSetRequests.Save(fixture.Domain, RuleSetRequests.SaveBody("by_last_name")), admin);

        Assert.True(answer.Status == 400, answer.ToString());
        Assert.Equal("validation error: rule 0 condition 0: cache rule sets hold skip conditions only, got 'match'", answer.ErrorMessage);

        var body = CacheRuleSetRequests.SkipBody("test");
        body["saveRuleSetRq"]!["rules"]![0]!["conditions"]![0]!["op"] = "within_seconds";
        var badOp = await ApiRequests.SendAsync(fixture.Api, CacheRuleSetRequests.Save(fixture.Domain, body), admin);
        Assert.True(badOp.Status == 400, badOp.ToString());
        Assert.Equal("validation error: rule 0 condition 0: invalid op 'within_seconds' for a skip condition (expected equals, equals_value, not_equals, not_equals_value, matches_regexp)", badOp.ErrorMessage);

        var noRules = new JsonObject { ["saveRuleSetRq"] = new JsonObject() };
        var missing = await ApiRequests.SendAsync(fixture.Api, CacheRuleSetRequests.Save(fixture.Domain, noRules), admin);
        Assert.True(missing.Status == 400, missing.ToString());
        Assert.Equal("validation error: saveRuleSetRq.rules (an array) is required", missing.ErrorMessage);
    }

    [Fact]
    public async Task An_unknown_domain_is_404()
    {
        var admin = await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin);
        var missing = ApiRequests.NewDomainName("nx");

        var list = await ApiRequests.SendAsync(fixture.Api, CacheRuleSetRequests.List(missing, history: false), admin);
        var save = await ApiRequests.SendAsync(fixture.Api, CacheRuleSetRequests.Save(missing, CacheRuleSetRequests.SkipBody("test")), admin);
        var activate = await ApiRequests.SendAsync(fixture.Api, CacheRuleSetRequests.Activate(missing), admin);

        Assert.Equal([404, 404, 404], new[] { list.Status, save.Status, activate.Status });
        Assert.All(new[] { list, save, activate }, a => Assert.Equal($"domain {missing} not found", a.ErrorMessage));
    }

    private static List<(string Name, int Version, int Rules)> Sets(ApiAnswer answer) =>
        answer.Json!["ruleSets"]!.AsArray().Select(s => ((string)s!["name"]!, (int)s["latestVersion"]!, s["rules"]!.AsArray().Count)).ToList();
}
