using System.Text.Json.Nodes;
using Upt.Api.Auth;
using Upt.DevInfra;

namespace Upt.Api.Tests;

/// <summary>Delete, merge, unmerge and interaction history over real HTTP, against profiles the rules merged at ingestion.</summary>
[Collection(AuthClusterCollection.Name)]
public sealed class MergeApiTests(AuthClusterFixture fixture)
{
    private const string Operator = "operator-7";

    [Fact]
    public async Task Rule_merge_history_unmerge_manual_merge_and_delete_over_HTTP()
    {
        // A domain of its own: route cases activate rule sets in the shared one, and this test expects rule set version 1.
        var domain = ApiRequests.NewDomainName("mg");
        await fixture.CreateDomainAsync(domain, await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin));
        var admin = await fixture.TokenAsync(new DevTokenRequest
        {
            Groups = [AuthClusterFixture.GlobalAdmin, AuthClusterFixture.DataAdmin(domain)], Audience = AuthClusterFixture.Audience, Subject = Operator,
        });
        var pair = await Travellers.IngestMergedPairAsync(fixture, domain, admin);
        var survivor = pair.Survivor;

        // Interaction history: the absorbed traveller's object was created on its own profile, then merged by rule 2 (hotel loyalty).
        var (absorbedTraveller, absorbed) = await MergeRequests.AbsorbedAsync(fixture, domain, pair, admin);
        var keptTraveller = absorbedTraveller == pair.First ? pair.Second : pair.First;
        var history = await MergeRequests.HistoryOfAsync(fixture, domain, absorbedTraveller, survivor, admin);
        Assert.Equal(2, history.Count);
        Assert.Equal("INTERACTION_CREATED", (string?)history[0]!["mergeType"]);
        Assert.Equal(absorbed, (string?)history[0]!["toMergeConnectId"]);
        Assert.Equal("", (string?)history[0]!["mergeIntoConnectId"]);
        Assert.Equal("rule", (string?)history[1]!["mergeType"]);
        Assert.Equal("2", (string?)history[1]!["ruleId"]);
        Assert.Equal("1", (string?)history[1]!["ruleSetVersion"]);
        Assert.Equal(absorbed, (string?)history[1]!["toMergeConnectId"]);
        Assert.Equal(survivor, (string?)history[1]!["mergeIntoConnectId"]);
        Assert.True((DateTimeOffset)history[1]!["timestamp"]! >= (DateTimeOffset)history[0]!["timestamp"]!);
        Assert.True(string.CompareOrdinal(survivor, absorbed) < 0, "the smaller profile id survives");
        var kept = await MergeRequests.HistoryOfAsync(fixture, domain, keptTraveller, survivor, admin);
        Assert.Equal(survivor, (string?)Assert.Single(kept)!["toMergeConnectId"]);

        // Unmerge by interaction: the profile that object was ingested for comes back.
        var answer = await SendAsync(MergeRequests.Unmerge(domain, survivor, interaction: absorbedTraveller, interactionType: "guest_profile"), admin);
        Assert.True(answer.Status == 200, answer.ToString());
        Assert.Equal("unmergeProfiles", (string?)answer.Json!["asyncEvent"]!["item_id"]);
        Assert.Equal("success", (string?)answer.Json!["asyncEvent"]!["status"]);
        Assert.Equal(absorbed, await Travellers.WaitForConnectIdAsync(fixture, domain, absorbedTraveller, admin, id => id == absorbed, "the unmerged traveller's own profile"));
        Assert.Equal(survivor, await Travellers.WaitForConnectIdAsync(fixture, domain, keptTraveller, admin, id => id == survivor, "the other traveller to stay"));
        foreach (var profile in new[] { absorbed, survivor })
        {
            answer = await SendAsync(ApiRequests.Request(HttpMethod.Get, $"/api/ucp/profile/{profile}", domain), admin);
            Assert.True(answer.Status == 200, answer.ToString());
            Assert.Single(answer.Json!["profiles"]![0]!["travellerIds"]!.AsArray());
        }

        // Not merged any more: a second unmerge is refused with the reason.
        answer = await SendAsync(MergeRequests.Unmerge(domain, survivor, toUnmerge: absorbed), admin);
        Assert.True(answer.Status == 400, answer.ToString());
        Assert.Contains($"{absorbed} is not merged into profile {survivor}", answer.ErrorMessage, StringComparison.Ordinal);

        // A manual merge: the token's subject is the operator, whatever the body says; the smaller id survives again.
        answer = await SendAsync(MergeRequests.Merge(domain, MergeRequests.Pair(absorbed, survivor, "manual", new JsonObject { ["operatorId"] = "someone-else" })), admin);
        Assert.True(answer.Status == 200, answer.ToString());
        Assert.Equal("mergeProfiles", (string?)answer.Json!["asyncEvent"]!["item_id"]);
        Assert.Equal("success", (string?)answer.Json!["asyncEvent"]!["status"]);
        Assert.Equal(survivor, await Travellers.WaitForConnectIdAsync(fixture, domain, absorbedTraveller, admin, id => id == survivor, "the manual merge"));
        history = await MergeRequests.HistoryOfAsync(fixture, domain, absorbedTraveller, survivor, admin);
        Assert.Equal(2, history.Count);
        Assert.Equal("manual", (string?)history[1]!["mergeType"]);
        Assert.Equal(Operator, (string?)history[1]!["operatorId"]);
        Assert.Equal(survivor, (string?)history[1]!["mergeIntoConnectId"]);

        // Delete the survivor: both ids are gone, the travellers find nothing, the history has no interaction to show.
        answer = await SendAsync(MergeRequests.Delete(domain, survivor), admin);
        Assert.True(answer.Status == 200, answer.ToString());
        Assert.Equal("", answer.ErrorCode);
        foreach (var profile in new[] { survivor, absorbed })
        {
            answer = await SendAsync(ApiRequests.Request(HttpMethod.Get, $"/api/ucp/profile/{profile}", domain), admin);
            Assert.True(answer.Status == 404, answer.ToString());
        }

        foreach (var traveller in new[] { pair.First, pair.Second })
        {
            Assert.Null(await Travellers.WaitForConnectIdAsync(fixture, domain, traveller, admin, id => id is null, "the deleted profile to be unsearchable"));
        }

        answer = await SendAsync(MergeRequests.History(domain, absorbedTraveller, "guest_profile", survivor), admin);
        Assert.True(answer.Status == 404, answer.ToString());

        // Deleting again is a no-op, as in UPT.
        answer = await SendAsync(MergeRequests.Delete(domain, survivor), admin);
        Assert.True(answer.Status == 200, answer.ToString());
    }

    [Fact]
    public async Task Invalid_requests_are_400_with_UPTs_message_and_change_nothing()
    {
        var domain = fixture.Domain;
        var admin = await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin, AuthClusterFixture.DataAdmin(domain));
        var (c, d) = (Travellers.NewId("tc"), Travellers.NewId("td"));
        await Travellers.IngestAsync(fixture, domain, Travellers.GuestProfile(c, Travellers.NewId("LC")), Travellers.GuestProfile(d, Travellers.NewId("LD")));
        var pc = (await Travellers.WaitForConnectIdAsync(fixture, domain, c, admin, id => id is not null, "profile c"))!;
        var pd = (await Travellers.WaitForConnectIdAsync(fixture, domain, d, admin, id => id is not null, "profile d"))!;
        Assert.NotEqual(pc, pd);
        var good = MergeRequests.Pair(pc, pd);

        var cases = new (HttpRequestMessage Request, string Message)[]
        {
            (MergeRequests.Merge(domain, MergeRequests.Pair("not-a-uuid", pd)), "validation error: mergeRq[0].source must be a UUID"),
            (MergeRequests.Merge(domain, Enumerable.Range(0, 51).Select(_ => MergeRequests.Pair(pc, pd)).ToArray()), "validation error: mergeRq must hold between 1 and 50 pairs"),
            (MergeRequests.Merge(domain), "validation error: mergeRq must hold between 1 and 50 pairs"),
            // A valid pair first: nothing is merged when a later one is invalid.
            (MergeRequests.Merge(domain, good, MergeRequests.Pair(pc, pd, "fuzzy")), "validation error: mergeRq[1].mergeContext.mergeType must be one of rule, ai, manual"),
            (MergeRequests.Merge(domain, MergeRequests.Pair(pc, pd, "ai", new JsonObject { ["confidenceUpdateFactor"] = 1.5 })), "validation error: mergeRq[0].mergeContext.confidenceUpdateFactor must be between 0 and 1"),
            (MergeRequests.Merge(domain, MergeRequests.Pair(pc, pd, "rule", new JsonObject { ["ruleId"] = "-1", ["ruleSetVersion"] = "1" })), "validation error: mergeRq[0].mergeContext.ruleId must be an integer >= 0 for rule merges"),
            (MergeRequests.Merge(domain, MergeRequests.Pair(pc, pd, "rule", new JsonObject { ["ruleId"] = "0" })), "validation error: mergeRq[0].mergeContext.ruleSetVersion is required for rule merges"),
            // Merging a pair the same request marks false positive is a contradiction: nothing is merged or marked.
            (MergeRequests.Merge(domain, good, MergeRequests.Pair(pd, pc, falsePositive: true)), "validation error: mergeRq[0] merges the pair that mergeRq[1] marks false positive"),
            (MergeRequests.Merge(domain, MergeRequests.Pair(pc, "1' OR '1'='1")), "validation error: mergeRq[0].target must be a UUID"),
            (MergeRequests.Unmerge(domain, pd), "validation error: unable to perform unmerge with the information given"),
            (MergeRequests.Unmerge(domain, "x'; DROP TABLE upt_profiles; --", toUnmerge: pc), "validation error: unmergeRq.mergedIntoConnectID must be a UUID"),
            (MergeRequests.Unmerge(domain, pd, interaction: c, interactionType: "guest_profile'; DROP TABLE upt_objects; --"),
                "validation error: unmergeRq.interactionType guest_profile'; DROP TABLE upt_objects; -- is not a known object type"),
            (MergeRequests.Delete(domain, "not-a-uuid"), "validation error: id must be a UUID"),
            (MergeRequests.Delete(domain, "1' OR 1=1; --"), "validation error: id must be a UUID"),
            (MergeRequests.History(domain, c, "guest_profile' OR '1'='1", pc), "validation error: objectType contains invalid characters"),
            (MergeRequests.History(domain, c, "guest_profile; DROP TABLE upt_objects", pc), "validation error: objectType guest_profile; DROP TABLE upt_objects is not a known object type"),
            (MergeRequests.History(domain, "x' OR '1'='1", "guest_profile", pc), "validation error: id contains invalid characters"),
            (MergeRequests.History(domain, c, "guest_profile", ""), "validation error: connectId is required"),
            (ApiRequests.Request(HttpMethod.Get, $"/api/ucp/interactionHistory/{c}?connectId={pc}", domain), "validation error: objectType is required"),
        };

        foreach (var (request, message) in cases)
        {
            var answer = await SendAsync(request, admin);
            Assert.True(answer.Status == 400, $"{message}: {answer}");
            Assert.Equal(message, answer.ErrorMessage);
            Assert.Equal("validation_error", (string?)answer.Json?["error"]?["type"]);
        }

        Assert.Equal(pc, await Travellers.WaitForConnectIdAsync(fixture, domain, c, admin, id => id is not null, "profile c"));
        Assert.Equal(pd, await Travellers.WaitForConnectIdAsync(fixture, domain, d, admin, id => id is not null, "profile d"));
        foreach (var (traveller, profile) in new[] { (c, pc), (d, pd) })
        {
            Assert.Single(await MergeRequests.HistoryOfAsync(fixture, domain, traveller, profile, admin));
        }
    }

    [Fact]
    public async Task Missing_profiles_and_interactions_are_404()
    {
        var admin = await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin, AuthClusterFixture.DataAdmin(fixture.Domain));
        var nobody = Guid.NewGuid().ToString();

        var answer = await SendAsync(MergeRequests.Merge(fixture.Domain, MergeRequests.Pair(fixture.ConnectId, nobody)), admin);
        Assert.True(answer.Status == 404, answer.ToString());
        Assert.Equal($"profile {nobody} not found", answer.ErrorMessage);

        answer = await SendAsync(MergeRequests.History(fixture.Domain, "no-such-object", "pax_profile", fixture.ConnectId), admin);
        Assert.True(answer.Status == 404, answer.ToString());

        answer = await SendAsync(MergeRequests.Unmerge(fixture.Domain, fixture.ConnectId, interaction: "no-such-object", interactionType: "pax_profile"), admin);
        Assert.True(answer.Status == 404, answer.ToString());
    }

    [Fact]
    public async Task Deleting_needs_the_DeleteProfile_bit_and_the_full_data_grant()
    {
        // UPT's profile manager role has DeleteProfile; without the */* data grant it still cannot delete.
        var manager = $"app-{fixture.Domain}-profileManagerRole/f";
        var answer = await SendAsync(MergeRequests.Delete(fixture.Domain, fixture.ConnectId), await fixture.TokenAsync(manager));
        Assert.True(answer.Status == 400, answer.ToString());
        Assert.Equal("only administrator can delete profiles", answer.ErrorMessage);

        var allButDelete = $"app-global-allButOne/{RouteCase.Hex(AppPermission.Admin & ~AppPermission.DeleteProfile)}";
        answer = await SendAsync(MergeRequests.Delete(fixture.Domain, fixture.ConnectId), await fixture.TokenAsync(allButDelete, AuthClusterFixture.DataAdmin(fixture.Domain)));
        RoutePermissionTests.AssertForbidden(answer, "DeleteProfile", AppPermission.DeleteProfile);

        var search = await SendAsync(RouteCase.All["GetProfile"].Build(fixture, fixture.Domain), await fixture.TokenAsync(manager, AuthClusterFixture.DataAdmin(fixture.Domain)));
        Assert.True(search.Status == 200, search.ToString());

        // Both: a profile that does not exist is deleted (a no-op), as in UPT.
        answer = await SendAsync(MergeRequests.Delete(fixture.Domain, Guid.NewGuid().ToString()), await fixture.TokenAsync(manager, AuthClusterFixture.DataAdmin(fixture.Domain)));
        Assert.True(answer.Status == 200, answer.ToString());
    }

    [Fact]
    public async Task The_routes_are_in_the_OpenAPI_document()
    {
        var answer = await ApiRequests.SendAsync(fixture.Api, ApiRequests.Request(HttpMethod.Get, "/openapi/v1.json", null), null);

        var paths = answer.Json!["paths"]!.AsObject();
        Assert.Contains("delete", paths["/api/ucp/profile/{id}"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["post"], paths["/api/ucp/merge"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["post"], paths["/api/ucp/unmerge"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["get"], paths["/api/ucp/interactionHistory/{id}"]!.AsObject().Select(p => p.Key));
    }

    private Task<ApiAnswer> SendAsync(HttpRequestMessage request, string token) => ApiRequests.SendAsync(fixture.Api, request, token);
}
