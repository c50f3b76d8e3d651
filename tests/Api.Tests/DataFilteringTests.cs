using System.Text;
using System.Text.Json.Nodes;
using Upt.TestSupport;

namespace Upt.Api.Tests;

/// <summary>
/// Every answer that carries profile data is filtered by the caller's data grants: search, 360 view (with counts),
/// interaction history and error records; merge, unmerge, delete and match imports need <c>*/*</c>.
/// </summary>
[Collection(AuthClusterCollection.Name)]
public sealed class DataFilteringTests(AuthClusterFixture fixture)
{
    private string Domain => fixture.Domain;

    [Fact]
    public async Task Search_and_360_view_show_only_the_granted_fields_and_records_and_count_only_those()
    {
        var (traveller, connectId) = await IngestTravellerAsync(RandomName());
        var token = await DataPermissionRequests.SearcherAsync(fixture, Domain,
            "traveller/connectId,firstName\nhotel_loyalty/id,level?level = Gold\nemail_history/*,address");

        Assert.Equal(["connectId", "firstName"], DataPermissionApiTests.Keys(Assert.Single(await SearchAsync(traveller, token))));

        var view = await GetAsync(connectId, token, "");
        Assert.True(view.Status == 200, view.ToString());
        var profile = view.Json!["profiles"]![0]!;
        Assert.Equal(["connectId", "emailHistoryRecords", "firstName", "hotelLoyaltyRecords"], DataPermissionApiTests.Keys(profile));
        var loyalty = profile["hotelLoyaltyRecords"]!.AsArray();
        Assert.Equal([$"{traveller}-L1", $"{traveller}-L3"], loyalty.Select(r => (string)r!["id"]!).Order(StringComparer.Ordinal));
        Assert.All(loyalty, r => Assert.Equal(["id", "level"], DataPermissionApiTests.Keys(r)));
        Assert.All(loyalty, r => Assert.Equal("Gold", (string?)r!["level"]));
        var email = Assert.Single(profile["emailHistoryRecords"]!.AsArray())!;
        Assert.Null(email["address"]);
        Assert.Equal("personal", (string?)email["type"]);
        Assert.Equal("""{"emailHistoryRecords":{"total_records":1},"hotelLoyaltyRecords":{"total_records":2}}""", Sorted(view.Json!["paginationMetadata"]!));
    }

    [Fact]
    public async Task Pages_of_a_conditional_grant_hold_and_count_only_the_records_it_shows()
    {
        var (traveller, connectId) = await IngestTravellerAsync(RandomName());
        var token = await DataPermissionRequests.SearcherAsync(fixture, Domain, "traveller/*\nhotel_loyalty/*?level = Gold");

        var ids = new List<string>();
        foreach (var page in new[] { 0, 1, 2 })
        {
            var answer = await GetAsync(connectId, token, $"?objects=hotel_loyalty&pages={page}&pageSizes=1");
            Assert.True(answer.Status == 200, answer.ToString());
            Assert.Equal(2, (long)answer.Json!["paginationMetadata"]!["hotelLoyaltyRecords"]!["total_records"]!);
            ids.AddRange(answer.Json!["profiles"]![0]!["hotelLoyaltyRecords"]!.AsArray().Select(r => (string)r!["id"]!));
        }

        Assert.Equal([$"{traveller}-L1", $"{traveller}-L3"], ids.Order(StringComparer.Ordinal));
        var all = await GetAsync(connectId, await AdminAsync(), "?objects=hotel_loyalty");
        Assert.Equal(3, (long)all.Json!["paginationMetadata"]!["hotelLoyaltyRecords"]!["total_records"]!);
    }

    [Fact]
    public async Task A_traveller_condition_drops_the_profiles_it_does_not_hold_for()
    {
        var (shownName, hiddenName) = (RandomName(), RandomName());
        var (shown, shownId) = await IngestTravellerAsync(shownName);
        var (hidden, hiddenId) = await IngestTravellerAsync(hiddenName);
        var token = await DataPermissionRequests.SearcherAsync(fixture, Domain, $"traveller/*?lastName = {shownName}");

        Assert.Equal(shownName, (string?)Assert.Single(await SearchAsync(shown, token))!["lastName"]);
        Assert.Empty(await SearchAsync(hidden, token));
        Assert.Equal(200, (await GetAsync(shownId, token, "")).Status);
        var answer = await GetAsync(hiddenId, token, "");
        Assert.True(answer.Status == 404, answer.ToString());
        Assert.Equal($"profile {hiddenId} not found", answer.ErrorMessage);
    }

    [Fact]
    public async Task Several_data_groups_combine_as_a_union()
    {
        var (traveller, connectId) = await IngestTravellerAsync(RandomName());
        var token = await DataPermissionRequests.SearcherAsync(fixture, Domain, "traveller/firstName", "traveller/lastName\nguest_profile/*");

        Assert.Equal(["firstName", "lastName"], DataPermissionApiTests.Keys(Assert.Single(await SearchAsync(traveller, token))));
        var view = await GetAsync(connectId, token, "");
        Assert.Equal(["firstName", "guestProfileRecords", "lastName"], DataPermissionApiTests.Keys(view.Json!["profiles"]![0]));
    }

    [Fact]
    public async Task App_bits_without_a_data_group_show_no_profile_data()
    {
        var agent = await fixture.TokenAsync($"app-{Domain}-agents/1");

        Assert.Empty(await SearchAsync(fixture.TravellerId, agent));
        Assert.Equal(404, (await GetAsync(fixture.ConnectId, agent, "")).Status);
        var all = await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin);
        Assert.Empty(await SearchAsync(fixture.TravellerId, all));

        // The default group of the domain holds */*.
        Assert.Single(await SearchAsync(fixture.TravellerId, await fixture.TokenAsync($"app-{Domain}-agents/1", AuthClusterFixture.DataAdmin(Domain))));
    }

    [Fact]
    public async Task Data_groups_of_other_domains_grant_nothing_here()
    {
        // Domains "<domain>2" and "<domain>_x" exist and their admin groups hold */* there.
        var token = await fixture.TokenAsync($"app-{Domain}-agents/1", AuthClusterFixture.DataAdmin(fixture.Domain2), AuthClusterFixture.DataAdmin(fixture.DomainX),
            $"ucp-{Domain}-administrators", $"ucp-{Domain}");

        Assert.Empty(await SearchAsync(fixture.TravellerId, token));
        Assert.Equal(404, (await GetAsync(fixture.ConnectId, token, "")).Status);
    }

    [Fact]
    public async Task Merge_unmerge_delete_and_match_imports_need_the_full_data_grant()
    {
        var groups = await DataPermissionRequests.DataGroupsAsync(fixture, Domain, "traveller/*\nguest_profile/*\npax_profile/*");
        var token = await fixture.TokenAsync([$"app-{Domain}-adminRole/ffffffff", .. groups]);
        var import = ApiRequests.Request(HttpMethod.Post, "/api/ucp/matches/import", Domain);
        import.Content = new StringContent($"{fixture.ConnectId},7,0.5\n", Encoding.UTF8, "text/csv");
        var cases = new (HttpRequestMessage Request, string Message)[]
        {
            (MergeRequests.Merge(Domain, MergeRequests.Pair(fixture.ConnectId, fixture.ConnectId)), "only administrator can merge profiles"),
            (MergeRequests.Unmerge(Domain, fixture.ConnectId, toUnmerge: fixture.ConnectId), "only administrator can unmerge profiles"),
            (MergeRequests.Delete(Domain, fixture.ConnectId), "only administrator can delete profiles"),
            (import, "only administrator can merge profiles"),
        };

        foreach (var (request, message) in cases)
        {
            var answer = await ApiRequests.SendAsync(fixture.Api, request, token);
            Assert.True(answer.Status == 400, $"{message}: {answer}");
            Assert.Equal(message, answer.ErrorMessage);
        }

        Assert.Single(await SearchAsync(fixture.TravellerId, token));
        var merge = await ApiRequests.SendAsync(fixture.Api, MergeRequests.Merge(Domain, MergeRequests.Pair(fixture.ConnectId, fixture.ConnectId)),
            await fixture.TokenAsync($"app-{Domain}-adminRole/ffffffff", AuthClusterFixture.DataAdmin(Domain)));
        Assert.True(merge.Status == 200, merge.ToString());
    }

    [Fact]
    public async Task Interaction_history_is_empty_for_object_types_the_caller_may_not_see()
    {
        var travellerOnly = await DataPermissionRequests.SearcherAsync(fixture, Domain, "traveller/*");
        var withPax = await DataPermissionRequests.SearcherAsync(fixture, Domain, "traveller/*\npax_profile/*");

        Assert.Empty(await HistoryAsync(fixture.TravellerId, travellerOnly));
        Assert.Empty(await HistoryAsync("no-such-object", travellerOnly));
        var history = await HistoryAsync(fixture.TravellerId, withPax);
        Assert.NotEmpty(history);
        Assert.Equal("INTERACTION_CREATED", (string?)history[0]!["mergeType"]);
    }

    [Fact]
    public async Task Error_records_show_only_object_types_the_caller_may_see_and_never_the_raw_record()
    {
        var domain = ApiRequests.NewDomainName("de");
        await fixture.CreateDomainAsync(domain, await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin));
        var admin = await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin, AuthClusterFixture.DataAdmin(domain));
        await IngestRawAsync(domain, "guest_profile", new JsonObject { ["type"] = "invalid business object", ["loyaltyPrograms"] = null });
        await IngestRawAsync(domain, "guest_profile", new JsonObject { ["type"] = "another invalid business object", ["loyaltyPrograms"] = null });
        await IngestRawAsync(domain, "clickstream", new JsonObject { ["type"] = "invalid business object" });
        var full = await Eventually.WaitAsync(
            () => ErrorsAsync(domain, "", admin), a => a.Status == 200 && (long?)a.Json?["totalErrors"] == 3, TimeSpan.FromMinutes(2), "three error records");
        Assert.All(full.Json!["ingestionErrors"]!.AsArray(), e => Assert.NotEqual("", (string?)e!["reccord"]));

        var guests = await DataPermissionRequests.SearcherAsync(fixture, domain, "guest_profile/*");
        var answer = await ErrorsAsync(domain, "", guests);
        Assert.Equal(2, (long)answer.Json!["totalErrors"]!);
        Assert.All(answer.Json!["ingestionErrors"]!.AsArray(), e =>
        {
            Assert.Equal("guest_profile", (string?)e!["businessObjectType"]);
            Assert.Equal("", (string?)e["reccord"]);
        });
        answer = await ErrorsAsync(domain, "?page=1&pageSize=1", guests);
        Assert.Equal(2, (long)answer.Json!["totalErrors"]!);
        Assert.Single(answer.Json!["ingestionErrors"]!.AsArray());

        answer = await ErrorsAsync(domain, "", await fixture.TokenAsync($"app-{domain}-agents/1"));
        Assert.Equal(0, (long)answer.Json!["totalErrors"]!);
        Assert.Empty(answer.Json!["ingestionErrors"]!.AsArray());
    }

    /// <summary>
    /// A guest profile with an email and three hotel loyalty programs, <c>{traveller}-L1</c> and <c>-L3</c> Gold, <c>-L2</c>
    /// Blue (ids of its own: travellers sharing one are merged by the default rules), and its profile.
    /// </summary>
    private async Task<(string Traveller, string ConnectId)> IngestTravellerAsync(string lastName)
    {
        var traveller = Travellers.NewId("dp");
        var guest = Travellers.GuestProfile(traveller, null);
        guest["lastName"] = lastName;
        guest["loyaltyPrograms"] = new JsonArray(
            new JsonObject { ["id"] = $"{traveller}-L1", ["level"] = "Gold" }, new JsonObject { ["id"] = $"{traveller}-L2", ["level"] = "Blue" },
            new JsonObject { ["id"] = $"{traveller}-L3", ["level"] = "Gold" });
        await IngestRawAsync(Domain, "guest_profile", guest);
        var admin = await AdminAsync();
        var connectId = (await Travellers.WaitForConnectIdAsync(fixture, Domain, traveller, admin, id => id is not null, $"traveller {traveller}"))!;
        await Eventually.WaitAsync(() => GetAsync(connectId, admin, ""),
            a => a.Status == 200 && a.Json!["profiles"]![0]!["hotelLoyaltyRecords"] is JsonArray { Count: 3 }, TimeSpan.FromMinutes(1), "three loyalty records");
        return (traveller, connectId);
    }

    private async Task IngestRawAsync(string domain, string objectType, JsonObject data)
    {
        var envelope = new JsonObject
        {
            ["objectType"] = objectType, ["modelVersion"] = "1.0", ["domain"] = domain, ["mode"] = "", ["data"] = data.DeepClone(), ["uid"] = Guid.NewGuid().ToString(),
        };
        using var kinesis = fixture.Cluster.CreateKinesisClient();
        await kinesis.PutRecordAsync(fixture.Cluster.StreamName, Encoding.UTF8.GetBytes(envelope.ToJsonString()), Guid.NewGuid().ToString());
    }

    private Task<string> AdminAsync() => fixture.TokenAsync(AuthClusterFixture.GlobalAdmin, AuthClusterFixture.DataAdmin(Domain));

    private async Task<JsonArray> SearchAsync(string travellerId, string token)
    {
        var answer = await ApiRequests.SendAsync(fixture.Api,
            ApiRequests.Request(HttpMethod.Get, $"/api/ucp/profile?travellerId={Uri.EscapeDataString(travellerId)}", Domain), token);
        Assert.True(answer.Status == 200, answer.ToString());
        return answer.Json!["profiles"]!.AsArray();
    }

    private Task<ApiAnswer> GetAsync(string connectId, string token, string query) =>
        ApiRequests.SendAsync(fixture.Api, ApiRequests.Request(HttpMethod.Get, $"/api/ucp/profile/{connectId}{query}", Domain), token);

    private async Task<JsonArray> HistoryAsync(string objectId, string token)
    {
        var answer = await ApiRequests.SendAsync(fixture.Api, MergeRequests.History(Domain, objectId, "pax_profile", fixture.ConnectId), token);
        Assert.True(answer.Status == 200, answer.ToString());
        return answer.Json!["interactionHistory"]!.AsArray();
    }

    private Task<ApiAnswer> ErrorsAsync(string domain, string query, string token) =>
        ApiRequests.SendAsync(fixture.Api, ApiRequests.Request(HttpMethod.Get, $"/api/ucp/error{query}", domain), token);

    private static string Sorted(JsonNode node) =>
        new JsonObject(node.AsObject().OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))).ToJsonString();

    private static string RandomName() => "N" + Guid.NewGuid().ToString("N")[..10].Replace('0', 'a');
}
