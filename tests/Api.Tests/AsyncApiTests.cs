using System.Text.Json.Nodes;
using Upt.Api.Tests.Privacy;
using Upt.DevInfra;

namespace Upt.Api.Tests;

/// <summary>
/// <c>GET /api/ucp/async</c> over real HTTP: UPT's validation messages, 404 for unknown events, and the events of domain
/// create/delete, merge, unmerge and rule-set activation pollable with their real outcome.
/// </summary>
[Collection(AuthClusterCollection.Name)]
public sealed class AsyncApiTests(AuthClusterFixture fixture)
{
    [Fact]
    public async Task Invalid_polls_are_400_with_UPTs_messages_and_unknown_events_404()
    {
        var token = await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin);
        var id = Guid.NewGuid().ToString();
        var cases = new (string Query, string Message)[]
        {
            ("", "validation error: invalid request: missing event id or use case"),
            ($"?id={id}", "validation error: invalid request: missing event id or use case"),
            ("?usecase=mergeProfiles", "validation error: invalid request: missing event id or use case"),
            ($"?id={id}&usecase=rebuildCache", "validation error: invalid usecase. supported use cases are: "
                + "createDomain,deleteDomain,emptyTable,mergeProfiles,unmergeProfiles,createPrivacySearch,purgeProfileData,startBatchIdRes"),
            ($"?id={id}&usecase=MergeProfiles", "validation error: invalid usecase. supported use cases are: "
                + "createDomain,deleteDomain,emptyTable,mergeProfiles,unmergeProfiles,createPrivacySearch,purgeProfileData,startBatchIdRes"),
            ("?id=1'%20OR%20'1'='1&usecase=mergeProfiles", "validation error: id must be a UUID"),
        };

        foreach (var (query, message) in cases)
        {
            var answer = await SendAsync(ApiRequests.Request(HttpMethod.Get, "/api/ucp/async" + query, null), token);
            Assert.True(answer.Status == 400, $"{query}: {answer}");
            Assert.Equal(message, answer.ErrorMessage);
        }

        var unknown = await SendAsync(PrivacyRequests.Async(id, "startBatchIdRes"), token);
        Assert.True(unknown.Status == 404, unknown.ToString());
        Assert.Equal(($"async event {id} of use case startBatchIdRes not found", "not_found"), (unknown.ErrorMessage, (string?)unknown.Json!["error"]!["type"]));
    }

    [Fact]
    public async Task Domain_merge_and_unmerge_events_are_pollable_with_their_real_outcome()
    {
        var domain = ApiRequests.NewDomainName("as");
        var token = await fixture.TokenAsync(new DevTokenRequest { Groups = [AuthClusterFixture.GlobalAdmin, $"ucp-{domain}-admin"], Audience = AuthClusterFixture.Audience });

        var created = await SendAsync(ApiRequests.Request(HttpMethod.Post, "/api/ucp/admin", null, ApiRequests.CreateDomainBody(domain)), token);
        var createdEvent = await AssertPolledAsync(PrivacyRequests.EventOf(created), "createDomain", "success", token);
        Assert.NotEqual(created.TxHeader, (string?)createdEvent["item_type"]);

        var (first, second) = (Travellers.NewId("aa"), Travellers.NewId("ab"));
        await Travellers.IngestAsync(fixture, domain, Travellers.GuestProfile(first, null), Travellers.GuestProfile(second, null));
        var one = (await Travellers.WaitForConnectIdAsync(fixture, domain, first, token, id => id is not null, "the first profile"))!;
        var two = (await Travellers.WaitForConnectIdAsync(fixture, domain, second, token, id => id is not null, "the second profile"))!;

        var merged = await SendAsync(MergeRequests.Merge(domain, MergeRequests.Pair(one, two)), token);
        var mergeEvent = await AssertPolledAsync(PrivacyRequests.EventOf(merged), "mergeProfiles", "success", token);
        var wrongUseCase = await SendAsync(PrivacyRequests.Async((string)mergeEvent["item_type"]!, "unmergeProfiles"), token);
        Assert.True(wrongUseCase.Status == 404, wrongUseCase.ToString());

        // An unmerge that cannot be done: 400 with the reason, and a failed event saying the same.
        var survivor = string.CompareOrdinal(one, two) < 0 ? one : two;
        var refused = await SendAsync(MergeRequests.Unmerge(domain, survivor, toUnmerge: Guid.NewGuid().ToString()), token);
        Assert.True(refused.Status == 400, refused.ToString());
        var refusedEvent = (JsonObject)refused.Json!["asyncEvent"]!;
        var polled = await AssertPolledAsync(refusedEvent, "unmergeProfiles", "failed", token);
        Assert.Equal(refused.ErrorMessage, (string?)polled["error"]);

        var deleted = await SendAsync(ApiRequests.Request(HttpMethod.Delete, $"/api/ucp/admin/{domain}", null), token);
        await AssertPolledAsync(PrivacyRequests.EventOf(deleted), "deleteDomain", "success", token);
    }

    [Fact]
    public async Task The_activation_event_follows_the_reresolution_of_existing_profiles_to_success()
    {
        var domain = ApiRequests.NewDomainName("ar");
        var token = await fixture.TokenAsync(new DevTokenRequest { Groups = [AuthClusterFixture.GlobalAdmin, $"ucp-{domain}-admin"], Audience = AuthClusterFixture.Audience });
        await fixture.CreateDomainAsync(domain, token);
        var traveller = Travellers.NewId("ac");
        await Travellers.IngestAsync(fixture, domain, Travellers.GuestProfile(traveller, null));
        await Travellers.WaitForConnectIdAsync(fixture, domain, traveller, token, id => id is not null, "the profile");
        await RuleSetRequests.SaveDraftAsync(fixture, domain);

        var activated = PrivacyRequests.EventOf(await SendAsync(RuleSetRequests.Activate(domain), token));

        Assert.Equal(("startBatchIdRes", "invoked"), ((string?)activated["item_id"], (string?)activated["status"]));
        var done = await PrivacyRequests.WaitForEndAsync(fixture.Api, activated, token);
        Assert.Equal(("success", 1.0), ((string?)done["status"], (double)done["progress"]!));
        Assert.True((DateTimeOffset)done["lastUpdated"]! > (DateTimeOffset)activated["lastUpdated"]!);
    }

    private Task<ApiAnswer> SendAsync(HttpRequestMessage request, string token) => ApiRequests.SendAsync(fixture.Api, request, token);

    /// <summary>Polls the event once and checks it is the one answered, with <paramref name="status"/>.</summary>
    private async Task<JsonObject> AssertPolledAsync(JsonObject answered, string useCase, string status, string token)
    {
        Assert.Equal((useCase, status), ((string?)answered["item_id"], (string?)answered["status"]));
        Assert.True(Guid.TryParseExact((string?)answered["item_type"], "D", out _), answered.ToJsonString());
        var polled = await SendAsync(PrivacyRequests.Async((string)answered["item_type"]!, useCase), token);
        Assert.True(polled.Status == 200, polled.ToString());
        var again = (JsonObject)polled.Json!["asyncEvent"]!;
        Assert.Equal(answered.ToJsonString(), again.ToJsonString());
        return again;
    }
}
