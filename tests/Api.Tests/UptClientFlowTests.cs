using System.Text.Json.Nodes;
using Upt.TestSupport;

namespace Upt.Api.Tests;

/// <summary>
/// A UPT API client's whole journey, in the order UPT's own end-to-end collection runs it, against Upt over HTTP with
/// a real OIDC token: create a domain and poll its async event, save and activate rules, ingest, search, read the 360
/// view, merge, unmerge, privacy search, purge, delete the domain. Every asynchronous answer is polled through
/// <c>GET /api/ucp/async</c> until it reads success.
/// </summary>
[Collection(AuthClusterCollection.Name)]
public sealed class UptClientFlowTests(AuthClusterFixture fixture)
{
    [Fact]
    public async Task A_UPT_client_flow_works_end_to_end()
    {
        var domain = ApiRequests.NewDomainName("flow");
        var admin = await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin, AuthClusterFixture.DataAdmin(domain));

        // Create the domain; poll the async event.
        var created = await SendAsync(HttpMethod.Post, "/api/ucp/admin", null, ApiRequests.CreateDomainBody(domain), admin);
        await CompletesAsync(created, "createDomain", domain, admin);
        var listed = await SendAsync(HttpMethod.Get, "/api/ucp/admin", null, null, admin);
        Assert.Contains(domain, listed.Json!["config"]!["domains"]!.AsArray().Select(d => (string?)d!["customerProfileDomain"]));

        // Save the rules as a draft and activate them (the re-resolution job is polled like any other).
        await RuleSetRequests.SaveDraftAsync(fixture, domain);
        var activated = await SendAsync(RuleSetRequests.Activate(domain), admin);
        await CompletesAsync(activated, "startBatchIdRes", domain, admin);

        // Ingest: two travellers the loyalty rule merges, and one on their own.
        var pair = await Travellers.IngestMergedPairAsync(fixture, domain, admin);
        var lone = Travellers.NewId("tl");
        await Travellers.IngestAsync(fixture, domain, Travellers.GuestProfile(lone, loyaltyId: null));
        var loneProfile = (await Travellers.WaitForConnectIdAsync(fixture, domain, lone, admin, id => id is not null, $"traveller {lone} to have a profile"))!;

        // Search and the 360 view.
        var search = await SendAsync(HttpMethod.Get, $"/api/ucp/profile?travellerId={pair.First}", domain, null, admin);
        Assert.Equal(pair.Survivor, (string?)search.Json!["profiles"]![0]!["connectId"]);
        var view = await SendAsync(HttpMethod.Get, $"/api/ucp/profile/{pair.Survivor}", domain, null, admin);
        Assert.Equal(new[] { pair.First, pair.Second }.Order(StringComparer.Ordinal),
            view.Json!["profiles"]![0]!["travellerIds"]!.AsArray().Select(t => (string)t!).Order(StringComparer.Ordinal));

        // Merge the lone traveller's profile into the pair's, then unmerge it.
        var merged = await SendAsync(MergeRequests.Merge(domain, MergeRequests.Pair(loneProfile, pair.Survivor)), admin);
        await CompletesAsync(merged, "mergeProfiles", domain, admin);
        var survivor = MergedId(loneProfile, pair.Survivor);
        Assert.Equal(survivor, await Travellers.WaitForConnectIdAsync(fixture, domain, lone, admin, id => id == survivor, "the lone traveller to join the pair's profile"));
        Assert.Equal(survivor, await Travellers.WaitForConnectIdAsync(fixture, domain, pair.First, admin, id => id == survivor, "the pair to share it"));
        var absorbed = survivor == loneProfile ? pair.Survivor : loneProfile;
        var unmerged = await SendAsync(MergeRequests.Unmerge(domain, survivor, toUnmerge: absorbed), admin);
        await CompletesAsync(unmerged, "unmergeProfiles", domain, admin);
        Assert.Equal(loneProfile, await Travellers.WaitForConnectIdAsync(fixture, domain, lone, admin, id => id == loneProfile, "the lone traveller back in its own profile"));
        Assert.Equal(pair.Survivor, await Travellers.WaitForConnectIdAsync(fixture, domain, pair.Second, admin, id => id == pair.Survivor, "the pair back in its own profile"));

        // Privacy: search the lone traveller's data, then purge it.
        var searched = await SendAsync(HttpMethod.Post, "/api/ucp/privacy", domain,
            new JsonObject { ["privacySearchRq"] = new JsonArray(new JsonObject { ["connectId"] = loneProfile }) }, admin);
        await CompletesAsync(searched, "createPrivacySearch", domain, admin);
        var found = await SendAsync(HttpMethod.Get, $"/api/ucp/privacy/{loneProfile}", domain, null, admin);
        Assert.Equal("search_success", (string?)found.Json!["privacySearchResult"]!["status"]);
        Assert.True((int)found.Json["privacySearchResult"]!["totalResultsFound"]! > 0, found.ToString());

        var purged = await SendAsync(HttpMethod.Post, "/api/ucp/privacy/purge", domain,
            new JsonObject { ["createPrivacyPurgeRq"] = new JsonObject { ["connectIds"] = new JsonArray(loneProfile) } }, admin);
        await CompletesAsync(purged, "purgeProfileData", domain, admin);
        var gone = await SendAsync(HttpMethod.Get, $"/api/ucp/profile?travellerId={lone}", domain, null, admin);
        Assert.Empty(gone.Json!["profiles"]!.AsArray());
        var purgeStatus = await SendAsync(HttpMethod.Get, "/api/ucp/privacy/purge", domain, null, admin);
        Assert.False((bool)purgeStatus.Json!["privacyPurgeStatus"]!["isPurgeRunning"]!);
        // The pair was not the subject: it is untouched.
        Assert.Equal(pair.Survivor, await Travellers.WaitForConnectIdAsync(fixture, domain, pair.First, admin, id => id == pair.Survivor, "the pair to stay"));

        // Delete the domain.
        var deleted = await SendAsync(HttpMethod.Delete, $"/api/ucp/admin/{domain}", domain, null, admin);
        await CompletesAsync(deleted, "deleteDomain", domain, admin);
        listed = await SendAsync(HttpMethod.Get, "/api/ucp/admin", null, null, admin);
        Assert.DoesNotContain(domain, listed.Json!["config"]!["domains"]!.AsArray().Select(d => (string?)d!["customerProfileDomain"]));
    }

    // The smaller id survives a merge.
    private static string MergedId(string a, string b) => string.CompareOrdinal(a, b) < 0 ? a : b;

    /// <summary>The answer carries an async event of <paramref name="useCase"/>; polls it until it reads success (fails on failed).</summary>
    private async Task CompletesAsync(ApiAnswer answer, string useCase, string domain, string token)
    {
        var started = answer.Json!["asyncEvent"]!;
        Assert.Equal(useCase, (string?)started["item_id"]);
        var id = (string)started["item_type"]!;
        var done = await Eventually.WaitAsync(
            () => SendAsync(HttpMethod.Get, $"/api/ucp/async?id={id}&usecase={useCase}", domain, null, token, expectOk: false),
            a => a.Status != 200 || (string?)a.Json!["asyncEvent"]!["status"] is "success" or "failed",
            TimeSpan.FromMinutes(2),
            $"async event {useCase} {id} to finish");
        Assert.True(done.Status == 200, done.ToString());
        Assert.Equal("success", (string?)done.Json!["asyncEvent"]!["status"]);
        Assert.Equal(1.0, (double)done.Json["asyncEvent"]!["progress"]!);
    }

    private Task<ApiAnswer> SendAsync(HttpMethod method, string path, string? domain, JsonNode? body, string token, bool expectOk = true) =>
        SendAsync(ApiRequests.Request(method, path, domain, body), token, expectOk);

    private async Task<ApiAnswer> SendAsync(HttpRequestMessage request, string token, bool expectOk = true)
    {
        var answer = await ApiRequests.SendAsync(fixture.Api, request, token);
        if (expectOk)
        {
            Assert.True(answer.Status == 200, answer.ToString());
        }

        return answer;
    }
}
