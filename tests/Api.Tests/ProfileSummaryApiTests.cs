using System.Text.Json.Nodes;
using Upt.TestSupport;

namespace Upt.Api.Tests;

/// <summary><c>GET /api/ucp/profile/summary/{id}</c> over real HTTP: written from the profile's own data, only when the domain turned summaries on.</summary>
[Collection(AuthClusterCollection.Name)]
public sealed class ProfileSummaryApiTests(AuthClusterFixture fixture)
{
    [Fact]
    public async Task The_summary_of_a_known_profile_says_who_contact_loyalty_stays_service_and_online_activity()
    {
        var (domain, admin) = await NewDomainAsync();
        await EnableAsync(domain, admin);
        var traveller = Travellers.NewId("ada");
        await ErrorRecords.SendAsync(fixture, traveller, SummaryTraveller.Envelopes(domain, traveller));
        var connectId = (await Travellers.WaitForConnectIdAsync(fixture, domain, traveller, admin, id => id is not null, "the traveller's profile"))!;
        var profile = await Eventually.WaitAsync(
            () => ApiRequests.SendAsync(fixture.Api, ApiRequests.Request(HttpMethod.Get, $"/api/ucp/profile/{connectId}", domain), admin),
            a => a.Status == 200 && a.Json?["paginationMetadata"] is JsonObject m && m.Count(p => (long)p.Value!["total_records"]! > 0) == 7,
            TimeSpan.FromMinutes(2),
            "every object of the traveller");
        var created = ((string)profile.Json!["profiles"]![0]!["created"]!)[..10];
        var updated = ((string)profile.Json!["profiles"]![0]!["lastUpdated"]!)[..10];

        var person = $"Dr Ada Lovelace is traveller {traveller}. Born 1985-12-10, gender female, nationality GB, speaks en, works as Engineer. "
            + "Contact: email ada@example.com, mobile +44 20 7946 0958, home address 12 Marylebone Road, London, NW1 5LR, GB. "
            + "Loyalty: hotel programme Upt Rewards at level gold with 1200 points. ";
        var timeline = $"Profile created {created}, last updated {updated}.";

        Assert.Equal(
            person
            + "Hotels: 1 stay with 212.50 GBP of charges. "
            + "Customer service: 1 interaction; latest complaint by phone on 2024-06-05T09:00:00.000Z (resolved). "
            + "Online: 1 clickstream event in 1 session; latest search_flight on 2024-06-06T10:00:00.000Z. "
            + timeline,
            await SummaryAsync(domain, connectId, admin));

        // A caller whose data grant shows the traveller and loyalty, not stays, service calls or clicks: nor does its summary.
        var agent = await DataPermissionRequests.SearcherAsync(fixture, domain, "traveller/*\nhotel_loyalty/*");
        Assert.Equal(person + timeline, await SummaryAsync(domain, connectId, agent));
    }

    [Fact]
    public async Task A_merged_away_id_answers_the_survivors_summary()
    {
        var (domain, admin) = await NewDomainAsync();
        await EnableAsync(domain, admin);
        var pair = await Travellers.IngestMergedPairAsync(fixture, domain, admin);
        var (_, absorbed) = await MergeRequests.AbsorbedAsync(fixture, domain, pair, admin);

        var survivorSummary = await SummaryAsync(domain, pair.Survivor, admin);
        var absorbedSummary = await SummaryAsync(domain, absorbed, admin);

        Assert.Equal(survivorSummary, absorbedSummary);
        var ids = new[] { pair.First, pair.Second }.Order(StringComparer.Ordinal);
        Assert.Contains($" is one profile merged from 2 traveller ids ({string.Join(", ", ids)}).", survivorSummary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summaries_answer_only_when_the_domains_prompt_config_is_active()
    {
        var (domain, admin) = await NewDomainAsync();
        var traveller = Travellers.NewId("off");
        await Travellers.IngestAsync(fixture, domain, Travellers.GuestProfile(traveller, null));
        var connectId = (await Travellers.WaitForConnectIdAsync(fixture, domain, traveller, admin, id => id is not null, "the profile"))!;

        var answer = await ApiRequests.SendAsync(fixture.Api, SettingsRequests.Summary(domain, connectId), admin);
        Assert.True(answer.Status == 400, answer.ToString());
        Assert.Equal($"validation error: profile summaries are off for domain {domain} (promptConfig.isActive is false)", answer.ErrorMessage);

        await EnableAsync(domain, admin);
        Assert.Contains($" is traveller {traveller}.", await SummaryAsync(domain, connectId, admin), StringComparison.Ordinal);
        answer = await ApiRequests.SendAsync(fixture.Api, SettingsRequests.Summary(domain, Guid.NewGuid().ToString()), admin);
        Assert.True(answer.Status == 404, answer.ToString());
        answer = await ApiRequests.SendAsync(fixture.Api, SettingsRequests.Summary(domain, "not-a-uuid"), admin);
        Assert.True(answer.Status == 400, answer.ToString());
        Assert.Equal("validation error: id must be a UUID", answer.ErrorMessage);
    }

    private async Task<(string Domain, string Admin)> NewDomainAsync()
    {
        var domain = ApiRequests.NewDomainName("sm");
        var admin = await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin, $"ucp-{domain}-admin");
        await fixture.CreateDomainAsync(domain, admin);
        return (domain, admin);
    }

    private async Task EnableAsync(string domain, string admin)
    {
        var answer = await ApiRequests.SendAsync(fixture.Api, SettingsRequests.SaveSettings(domain, "Summarise the traveller for a hotel front desk.", true, 0.99, true), admin);
        Assert.True(answer.Status == 200, answer.ToString());
    }

    private async Task<string> SummaryAsync(string domain, string profileId, string token)
    {
        var answer = await ApiRequests.SendAsync(fixture.Api, SettingsRequests.Summary(domain, profileId), token);
        Assert.True(answer.Status == 200, answer.ToString());
        return (string)answer.Json!["profileSummary"]!;
    }
}
