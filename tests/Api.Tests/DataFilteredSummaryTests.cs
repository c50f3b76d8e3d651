using System.Text.Json.Nodes;
using Upt.TestSupport;

namespace Upt.Api.Tests;

/// <summary>A profile summary is written from what the caller's data grants show of the profile (UPT summarised everything).</summary>
[Collection(AuthClusterCollection.Name)]
public sealed class DataFilteredSummaryTests(AuthClusterFixture fixture)
{
    [Fact]
    public async Task A_profile_summary_is_written_from_what_the_caller_may_see()
    {
        var domain = ApiRequests.NewDomainName("ds");
        var admin = await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin, AuthClusterFixture.DataAdmin(domain));
        await fixture.CreateDomainAsync(domain, admin);
        var settings = new JsonObject
        {
            ["domainSetting"] = new JsonObject
            {
                ["promptConfig"] = new JsonObject { ["value"] = "Summarise the traveller.", ["isActive"] = true },
                ["matchConfig"] = new JsonObject { ["value"] = 0.99, ["isActive"] = true },
            },
        };
        var enable = await ApiRequests.SendAsync(fixture.Api, ApiRequests.Request(HttpMethod.Post, "/api/ucp/promptConfig", domain, settings), admin);
        Assert.True(enable.Status == 200, enable.ToString());
        var traveller = Travellers.NewId("sum");
        var guest = Travellers.GuestProfile(traveller, Travellers.NewId("LS"));
        await Travellers.IngestAsync(fixture, domain, guest);
        var connectId = (await Travellers.WaitForConnectIdAsync(fixture, domain, traveller, admin, id => id is not null, "the traveller's profile"))!;
        await Eventually.WaitAsync(() => ApiRequests.SendAsync(fixture.Api, ApiRequests.Request(HttpMethod.Get, $"/api/ucp/profile/{connectId}", domain), admin),
            a => a.Status == 200 && a.Json!["profiles"]![0]!["hotelLoyaltyRecords"] is JsonArray { Count: 1 }, TimeSpan.FromMinutes(1), "the loyalty record");

        var full = await SummaryAsync(domain, connectId, admin);
        Assert.Contains($"{traveller}@example.com", full.Json!["profileSummary"]!.GetValue<string>(), StringComparison.Ordinal);

        var names = await DataPermissionRequests.SearcherAsync(fixture, domain, "traveller/firstName,lastName");
        var limited = await SummaryAsync(domain, connectId, names);
        Assert.True(limited.Status == 200, limited.ToString());
        Assert.Equal($"{guest["firstName"]} {guest["lastName"]}.", (string?)limited.Json!["profileSummary"]);

        var none = await SummaryAsync(domain, connectId, await fixture.TokenAsync($"app-{domain}-agents/1"));
        Assert.True(none.Status == 404, none.ToString());
        Assert.Equal($"profile {connectId} not found", none.ErrorMessage);
    }

    private Task<ApiAnswer> SummaryAsync(string domain, string connectId, string token) =>
        ApiRequests.SendAsync(fixture.Api, ApiRequests.Request(HttpMethod.Get, $"/api/ucp/profile/summary/{connectId}", domain), token);
}
