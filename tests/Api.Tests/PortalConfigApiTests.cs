using System.Text.Json.Nodes;

namespace Upt.Api.Tests;

/// <summary><c>/api/ucp/portalConfig</c> over real HTTP: per domain, replaced whole, validated as UPT validates.</summary>
[Collection(AuthClusterCollection.Name)]
public sealed class PortalConfigApiTests(AuthClusterFixture fixture)
{
    private static readonly JsonObject HotelLink = SettingsRequests.Mapping("hotel_booking", "hotel_code", "https://crs.example.com/hotels/{{hotel_code}}?b={{booking_id}}");

    [Fact]
    public async Task Hyperlink_templates_are_per_domain_not_global_and_a_save_replaces_the_whole_set()
    {
        var admin = await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin);
        var (domain, other) = (await NewDomainAsync(admin), await NewDomainAsync(admin));

        var saved = await SendAsync(SettingsRequests.SavePortal(domain, SettingsRequests.BookingLink, HotelLink), admin);
        Assert.True(saved.Status == 200, saved.ToString());
        Assert.Equal(Mappings(SettingsRequests.BookingLink, HotelLink), saved.Json!["portalConfig"]!.ToJsonString());
        Assert.Equal(Mappings(SettingsRequests.BookingLink, HotelLink), await ReadAsync(domain, admin));
        Assert.Equal(Mappings(), await ReadAsync(other, admin));

        saved = await SendAsync(SettingsRequests.SavePortal(domain, HotelLink), admin);
        Assert.True(saved.Status == 200, saved.ToString());
        Assert.Equal(Mappings(HotelLink), await ReadAsync(domain, admin));

        // Reading needs no bit: any caller of the domain's portal.
        Assert.Equal(Mappings(HotelLink), await ReadAsync(domain, await fixture.TokenAsync($"app-{domain}-reader/0")));
    }

    [Theory]
    [InlineData("hotel", "booking_id", "https://x.example.com/{{booking_id}}", "hyperlinkMappings[0]: accpObject 'hotel' is not a known object type")]
    [InlineData("air_booking", "hotel_code", "https://x.example.com/", "hyperlinkMappings[0]: fieldName 'hotel_code' is not a field of air_booking")]
    [InlineData("air_booking", "", "https://x.example.com/", "hyperlinkMappings[0]: fieldName is required")]
    [InlineData("air_booking", "booking_id", "http://x.example.com/{{booking_id}}", "hyperlinkMappings[0]: hyperlinkTemplate must start with https://")]
    [InlineData("air_booking", "booking_id", "https:///{{booking_id}}", "hyperlinkMappings[0]: hyperlinkTemplate is not a valid URL with a host")]
    [InlineData("air_booking", "booking_id", "https://x.example.com/{{booking_id", "hyperlinkMappings[0]: hyperlinkTemplate has an unclosed '{'")]
    [InlineData("air_booking", "booking_id", "https://x.example.com/{{hotel_code}}", "hyperlinkMappings[0]: placeholder '{{hotel_code}}' is not a field of air_booking")]
    [InlineData("air_booking", "booking_id", "https://x.example.com/\"><script>", "hyperlinkMappings[0]: hyperlinkTemplate contains invalid characters")]
    [InlineData("air_booking", "booking_id", "https://x.example.com/a\nb", "hyperlinkMappings[0]: hyperlinkTemplate contains invalid characters")]
    public async Task An_invalid_mapping_is_400_with_UPTs_message_and_nothing_changes(string type, string field, string template, string message)
    {
        var admin = await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin);
        var domain = await NewDomainAsync(admin);
        Assert.Equal(200, (await SendAsync(SettingsRequests.SavePortal(domain, HotelLink), admin)).Status);

        var answer = await SendAsync(SettingsRequests.SavePortal(domain, SettingsRequests.Mapping(type, field, template)), admin);

        Assert.True(answer.Status == 400, answer.ToString());
        Assert.Equal($"validation error: {message}", answer.ErrorMessage);
        Assert.Equal(Mappings(HotelLink), await ReadAsync(domain, admin));
    }

    [Fact]
    public async Task Oversized_and_malformed_bodies_are_400_and_nothing_changes()
    {
        var admin = await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin);
        var domain = await NewDomainAsync(admin);
        Assert.Equal(200, (await SendAsync(SettingsRequests.SavePortal(domain, HotelLink), admin)).Status);
        var longTemplate = "https://x.example.com/" + new string('a', 2100);
        var many = Enumerable.Range(0, 101).Select(_ => (JsonObject)HotelLink.DeepClone()).ToArray();

        await AssertRefusedAsync(SettingsRequests.SavePortal(domain, SettingsRequests.Mapping("air_booking", "booking_id", longTemplate)),
            "validation error: hyperlinkMappings[0]: hyperlinkTemplate exceeds the maximum length of 2048");
        await AssertRefusedAsync(SettingsRequests.SavePortal(domain, many), "validation error: at most 100 hyperlink mappings are allowed, got 101");
        await AssertRefusedAsync(ApiRequests.Request(HttpMethod.Post, "/api/ucp/portalConfig", domain, new JsonObject { ["hyperlinkMappings"] = new JsonArray() }),
            "validation error: portalConfig.hyperlinkMappings (an array) is required");
        await AssertRefusedAsync(SettingsRequests.SavePortal(domain, new JsonObject { ["accpObject"] = 7, ["fieldName"] = "id", ["hyperlinkTemplate"] = "https://x" }),
            "validation error: request body is not valid JSON of the expected shape (accpObject must be a string)");
        var huge = ApiRequests.Request(HttpMethod.Post, "/api/ucp/portalConfig", domain);
        huge.Content = new StringContent(new string(' ', (1 << 20) + 1), System.Text.Encoding.UTF8, "application/json");
        await AssertRefusedAsync(huge, "validation error: request body exceeds 1048576 bytes");
        Assert.Equal(Mappings(HotelLink), await ReadAsync(domain, admin));

        async Task AssertRefusedAsync(HttpRequestMessage request, string message)
        {
            var answer = await SendAsync(request, admin);
            Assert.True(answer.Status == 400, answer.ToString());
            Assert.Equal(message, answer.ErrorMessage);
        }
    }

    [Fact]
    public async Task A_domain_that_does_not_exist_is_404()
    {
        var admin = await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin);
        var missing = ApiRequests.NewDomainName("nx");

        Assert.Equal(404, (await SendAsync(SettingsRequests.GetPortal(missing), admin)).Status);
        Assert.Equal(404, (await SendAsync(SettingsRequests.SavePortal(missing, HotelLink), admin)).Status);
    }

    private async Task<string> NewDomainAsync(string admin)
    {
        var domain = ApiRequests.NewDomainName("pc");
        await fixture.CreateDomainAsync(domain, admin);
        return domain;
    }

    private async Task<string> ReadAsync(string domain, string token)
    {
        var answer = await SendAsync(SettingsRequests.GetPortal(domain), token);
        Assert.True(answer.Status == 200, answer.ToString());
        return answer.Json!["portalConfig"]!.ToJsonString();
    }

    private static string Mappings(params JsonObject[] mappings) =>
        new JsonObject { ["hyperlinkMappings"] = new JsonArray(mappings.Select(m => (JsonNode)m.DeepClone()).ToArray()) }.ToJsonString();

    private Task<ApiAnswer> SendAsync(HttpRequestMessage request, string token) => ApiRequests.SendAsync(fixture.Api, request, token);
}
