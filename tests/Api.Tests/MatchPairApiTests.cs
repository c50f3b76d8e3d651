using System.Globalization;
using System.Text.Json.Nodes;
using Upt.TestSupport;

namespace Upt.Api.Tests;

/// <summary>
/// Match pairs through UPT's routes: listed by <c>GET /profile?matches=true</c>, shown as <c>matches[]</c> on the 360
/// view, merged or marked false positive by <c>POST /merge</c>, and filtered by the caller's data grants.
/// </summary>
[Collection(AuthClusterCollection.Name)]
public sealed class MatchPairApiTests(AuthClusterFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_review_pair_is_listed_and_shown_on_the_360_view_and_a_false_positive_mark_takes_it_off()
    {
        var (domain, admin) = await NewDomainAsync("mp");
        var (first, last) = (Travellers.NewName(), Travellers.NewName());
        var (ta, tb, tc) = (Travellers.NewId("ma"), Travellers.NewId("mb"), Travellers.NewId("mc"));
        await Travellers.IngestAsync(fixture, domain, Travellers.NamedGuest(ta, first, last), Travellers.NamedGuest(tb, first, last), Travellers.NamedGuest(tc, Travellers.NewName(), Travellers.NewName()));
        var pa = await ConnectIdAsync(domain, ta, admin);
        var pb = await ConnectIdAsync(domain, tb, admin);
        var pc = await ConnectIdAsync(domain, tc, admin);
        var (a, b) = string.CompareOrdinal(pa, pb) < 0 ? (pa, pb) : (pb, pa);
        var emailOf = new Dictionary<string, string> { [pa] = $"{ta}@example.com", [pb] = $"{tb}@example.com" };

        var listed = await WaitForPairsAsync(domain, admin, total => total == 1, "the review pair");
        Assert.Empty(listed.Json!["profiles"]!.AsArray());
        var pair = Assert.Single(listed.Json!["matchPairs"]!.AsArray())!;
        var score = double.Parse((string)pair["score"]!, CultureInfo.InvariantCulture);
        Assert.InRange(score, 0.5, 0.99);
        var expected = new JsonObject
        {
            ["domain_sourceProfileId"] = $"{domain}_{a}",
            ["match_targetProfileId"] = $"match_{b}",
            ["sourceProfileID"] = a,
            ["targetProfileID"] = b,
            ["domain"] = domain,
            ["score"] = (string)pair["score"]!,
            ["profileDataDiff"] = new JsonArray(new JsonObject { ["fieldName"] = "PersonalEmailAddress", ["sourceValue"] = emailOf[a], ["targetValue"] = emailOf[b] }),
            ["runId"] = "latest",
            ["scoreTargetId"] = $"match_{(string)pair["score"]!}_{a}_{b}",
            ["mergeInProgress"] = false,
            ["falsePositive"] = false,
            ["source"] = "ai",
            ["firstNameS"] = first,
            ["lastNameS"] = last,
            ["firstNameT"] = first,
            ["lastNameT"] = last,
        };
        Assert.Equal(expected.ToJsonString(), pair.ToJsonString());

        // Page 1 of pages of one is past the only pair; the total stays.
        var second = await SendAsync(Search(domain, "matches=true&page=1&pageSize=1"), admin);
        Assert.True(second.Status == 200, second.ToString());
        Assert.Empty(second.Json!["matchPairs"]!.AsArray());
        Assert.Equal(1, (long)second.Json!["totalMatchPairs"]!);

        // Search and match pairs in one call, as UPT's portal asks.
        var both = await SendAsync(Search(domain, $"travellerId={tc}&matches=true"), admin);
        Assert.Equal(pc, (string?)Assert.Single(both.Json!["profiles"]!.AsArray())!["connectId"]);
        Assert.Single(both.Json!["matchPairs"]!.AsArray());

        // The 360 view of each side names the other as its candidate; the unrelated profile has none.
        foreach (var (self, other) in new[] { (pa, pb), (pb, pa) })
        {
            var view = await SendAsync(ApiRequests.Request(HttpMethod.Get, $"/api/ucp/profile/{self}", domain), admin);
            Assert.True(view.Status == 200, view.ToString());
            var candidate = Assert.Single(view.Json!["matches"]!.AsArray())!;
            Assert.Equal(
                new JsonObject { ["confidence"] = score, ["id"] = other, ["firstName"] = first, ["lastName"] = last, ["birthDate"] = "", ["phone"] = "", ["email"] = emailOf[other] }.ToJsonString(),
                candidate.ToJsonString());
        }

        var unrelated = await SendAsync(ApiRequests.Request(HttpMethod.Get, $"/api/ucp/profile/{pc}", domain), admin);
        Assert.Empty(unrelated.Json!["matches"]!.AsArray());

        // Marked false positive (no merge context needed): off the list and the views, and both profiles stay.
        var marked = await SendAsync(MergeRequests.Merge(domain, new JsonObject { ["source"] = pb, ["target"] = pa, ["falsePositive"] = true }), admin);
        Assert.True(marked.Status == 200, marked.ToString());
        Assert.Equal(("mergeProfiles", "success"), ((string?)marked.Json!["asyncEvent"]!["item_id"], (string?)marked.Json!["asyncEvent"]!["status"]));
        var after = await SendAsync(Search(domain, "matches=true"), admin);
        Assert.Empty(after.Json!["matchPairs"]!.AsArray());
        Assert.Equal(0, (long)after.Json!["totalMatchPairs"]!);
        var viewA = await SendAsync(ApiRequests.Request(HttpMethod.Get, $"/api/ucp/profile/{pa}", domain), admin);
        Assert.Empty(viewA.Json!["matches"]!.AsArray());
        Assert.Equal(pa, await ConnectIdAsync(domain, ta, admin));
        Assert.Equal(pb, await ConnectIdAsync(domain, tb, admin));

        // A pair fuzzy matching never scored can be marked too; false positives are never listed for review.
        marked = await SendAsync(MergeRequests.Merge(domain, new JsonObject { ["source"] = pa, ["target"] = pc, ["falsePositive"] = true }), admin);
        Assert.True(marked.Status == 200, marked.ToString());
        Assert.Equal(0, (long)(await SendAsync(Search(domain, "matches=true"), admin)).Json!["totalMatchPairs"]!);
    }

    [Fact]
    public async Task Merging_a_review_pair_as_the_portal_does_takes_the_pair_away()
    {
        var (domain, admin) = await NewDomainAsync("mm");
        var (first, last) = (Travellers.NewName(), Travellers.NewName());
        var (ta, tb) = (Travellers.NewId("ma"), Travellers.NewId("mb"));
        await Travellers.IngestAsync(fixture, domain, Travellers.NamedGuest(ta, first, last), Travellers.NamedGuest(tb, first, last));
        var pair = Assert.Single((await WaitForPairsAsync(domain, admin, total => total == 1, "the review pair")).Json!["matchPairs"]!.AsArray())!;
        var (source, target) = ((string)pair["sourceProfileID"]!, (string)pair["targetProfileID"]!);

        var merge = MergeRequests.Merge(domain, MergeRequests.Pair(source, target, "ai", new JsonObject
        {
            ["confidenceUpdateFactor"] = double.Parse((string)pair["score"]!, CultureInfo.InvariantCulture),
        }));
        var merged = await SendAsync(merge, admin);
        Assert.True(merged.Status == 200, merged.ToString());

        var after = await SendAsync(Search(domain, "matches=true"), admin);
        Assert.Empty(after.Json!["matchPairs"]!.AsArray());
        Assert.Equal(0, (long)after.Json!["totalMatchPairs"]!);
        var view = await SendAsync(ApiRequests.Request(HttpMethod.Get, $"/api/ucp/profile/{target}", domain), admin);
        Assert.Equal(source, (string?)view.Json!["profiles"]![0]!["connectId"]);
        Assert.Empty(view.Json!["matches"]!.AsArray());

        // The two are one profile now: marking them false positive is refused, nothing changes.
        var refused = await SendAsync(MergeRequests.Merge(domain, new JsonObject { ["source"] = source, ["target"] = target, ["falsePositive"] = true }), admin);
        Assert.Equal((400, $"validation error: profiles {source} and {target} are one profile already: unmerge them to tell them apart"), (refused.Status, refused.ErrorMessage));
    }

    [Fact]
    public async Task Match_pairs_show_only_what_the_callers_traveller_grant_shows()
    {
        var (domain, admin) = await NewDomainAsync("mf");
        var (first, last) = (Travellers.NewName(), Travellers.NewName());
        var (ta, tb) = (Travellers.NewId("ma"), Travellers.NewId("mb"));
        await Travellers.IngestAsync(fixture, domain, Travellers.NamedGuest(ta, first, last), Travellers.NamedGuest(tb, first, last));
        var pa = await ConnectIdAsync(domain, ta, admin);
        var pb = await ConnectIdAsync(domain, tb, admin);
        await WaitForPairsAsync(domain, admin, total => total == 1, "the review pair");

        // First names only: the pair is listed, without last names or the email diff.
        var names = await DataPermissionRequests.SearcherAsync(fixture, domain, "traveller/connectId,firstName");
        var listed = await SendAsync(Search(domain, "matches=true"), names);
        Assert.True(listed.Status == 200, listed.ToString());
        Assert.Equal(1, (long)listed.Json!["totalMatchPairs"]!);
        var pair = Assert.Single(listed.Json!["matchPairs"]!.AsArray())!;
        Assert.Equal((first, first, null, null), ((string?)pair["firstNameS"], (string?)pair["firstNameT"], pair["lastNameS"], pair["lastNameT"]));
        Assert.Empty(pair["profileDataDiff"]!.AsArray());
        var candidate = Assert.Single((await SendAsync(ApiRequests.Request(HttpMethod.Get, $"/api/ucp/profile/{pa}", domain), names)).Json!["matches"]!.AsArray())!;
        Assert.Equal(new JsonObject { ["confidence"] = (double)candidate["confidence"]!, ["id"] = pb, ["firstName"] = first }.ToJsonString(), candidate.ToJsonString());

        // A grant that shows only one of the two profiles shows no pair, counts none, and names no candidate.
        var onlyA = await DataPermissionRequests.SearcherAsync(fixture, domain, $"traveller/*?personalEmailAddress = {ta}@example.com");
        listed = await SendAsync(Search(domain, "matches=true"), onlyA);
        Assert.True(listed.Status == 200, listed.ToString());
        Assert.Equal((0, 0L), (listed.Json!["matchPairs"]!.AsArray().Count, (long)listed.Json!["totalMatchPairs"]!));
        var viewA = await SendAsync(ApiRequests.Request(HttpMethod.Get, $"/api/ucp/profile/{pa}", domain), onlyA);
        Assert.True(viewA.Status == 200, viewA.ToString());
        Assert.Empty(viewA.Json!["matches"]!.AsArray());

        // No traveller grant: no pairs at all.
        var noTraveller = await DataPermissionRequests.SearcherAsync(fixture, domain, "hotel_booking/*");
        listed = await SendAsync(Search(domain, "matches=true"), noTraveller);
        Assert.Equal((200, 0, 0L), (listed.Status, listed.Json!["matchPairs"]!.AsArray().Count, (long)listed.Json!["totalMatchPairs"]!));
    }

    [Fact]
    public async Task Bad_match_pair_queries_and_false_positive_requests_are_refused_with_UPTs_validation_errors()
    {
        var domain = fixture.Domain;
        var admin = await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin, AuthClusterFixture.DataAdmin(domain));
        var missing = Guid.NewGuid().ToString();
        var cases = new (HttpRequestMessage Request, int Status, string Message)[]
        {
            (Search(domain, "matches=yes"), 400, "validation error: matches must be true or false"),
            (Search(domain, "matches=true&pageSize=0"), 400, "validation error: invalid page/pageSize for match pairs (page >= 0, 1 <= pageSize <= 1000, (page+1)*pageSize <= 100000)"),
            (Search(domain, "matches=true&page=-1"), 400, "validation error: invalid page/pageSize for match pairs (page >= 0, 1 <= pageSize <= 1000, (page+1)*pageSize <= 100000)"),
            (Search(domain, "matches=true&page=100&pageSize=1000"), 400, "validation error: invalid page/pageSize for match pairs (page >= 0, 1 <= pageSize <= 1000, (page+1)*pageSize <= 100000)"),
            (Search(domain, "matches=true&pageSize=ten"), 400, "validation error: invalid page/pageSize for match pairs (page >= 0, 1 <= pageSize <= 1000, (page+1)*pageSize <= 100000)"),
            (Search(domain, "matches=false"), 400, "validation error: at least one of travellerId, email, phone, lastName is required, or matches=true"),
            (MergeRequests.Merge(domain, new JsonObject { ["source"] = "1' OR '1'='1", ["target"] = fixture.ConnectId, ["falsePositive"] = true }), 400, "validation error: mergeRq[0].source must be a UUID"),
            (MergeRequests.Merge(domain, new JsonObject { ["source"] = fixture.ConnectId, ["target"] = missing, ["falsePositive"] = true }), 404, $"profile {missing} not found"),
        };

        foreach (var (request, status, message) in cases)
        {
            var answer = await SendAsync(request, admin);
            Assert.True((status, message) == (answer.Status, answer.ErrorMessage), $"{request.RequestUri}: {answer}");
        }
    }

    private async Task<(string Domain, string Admin)> NewDomainAsync(string prefix)
    {
        var domain = ApiRequests.NewDomainName(prefix);
        await fixture.CreateDomainAsync(domain, await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin));
        return (domain, await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin, AuthClusterFixture.DataAdmin(domain)));
    }

    private async Task<string> ConnectIdAsync(string domain, string travellerId, string token) =>
        (await Travellers.WaitForConnectIdAsync(fixture, domain, travellerId, token, id => id is not null, $"traveller {travellerId}'s profile"))!;

    private Task<ApiAnswer> WaitForPairsAsync(string domain, string token, Func<long, bool> done, string what) =>
        Eventually.WaitAsync(
            () => SendAsync(Search(domain, "matches=true"), token),
            a => a.Status == 200 && a.Json?["totalMatchPairs"] is JsonValue total && done((long)total),
            Timeout,
            what);

    private static HttpRequestMessage Search(string domain, string query) => ApiRequests.Request(HttpMethod.Get, $"/api/ucp/profile?{query}", domain);

    private Task<ApiAnswer> SendAsync(HttpRequestMessage request, string token) => ApiRequests.SendAsync(fixture.Api, request, token);
}
