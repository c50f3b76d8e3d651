namespace Upt.Api.Tests;

/// <summary><c>/api/ucp/promptConfig</c> over real HTTP: the summary prompt and the auto-merge threshold of a domain.</summary>
[Collection(AuthClusterCollection.Name)]
public sealed class PromptConfigApiTests(AuthClusterFixture fixture)
{
    [Fact]
    public async Task A_new_domain_has_summaries_off_and_UPTs_threshold_and_a_save_is_read_back()
    {
        var admin = await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin);
        var domain = await NewDomainAsync(admin);
        Assert.Equal(Setting("", false, 0.99, true), await ReadAsync(domain, admin));

        var saved = await SendAsync(SettingsRequests.SaveSettings(domain, "Summarise for the front desk.", true, 0, false), admin);
        Assert.True(saved.Status == 200, saved.ToString());
        Assert.Equal("", saved.ErrorCode);
        Assert.Equal(Setting("Summarise for the front desk.", true, 0, false), await ReadAsync(domain, admin));

        Assert.Equal(200, (await SendAsync(SettingsRequests.SaveSettings(domain, "", false, 0.85, true), admin)).Status);
        Assert.Equal(Setting("", false, 0.85, true), await ReadAsync(domain, admin));
    }

    [Fact]
    public async Task Invalid_settings_are_400_with_UPTs_message_and_nothing_changes()
    {
        var admin = await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin);
        var domain = await NewDomainAsync(admin);
        Assert.Equal(200, (await SendAsync(SettingsRequests.SaveSettings(domain, "Keep it short.", true, 0.9, true), admin)).Status);

        await RefusedAsync(SettingsRequests.SaveSettings(domain, "", true, 0.9, true), "validation error: promptConfig.value is required when promptConfig.isActive is true");
        await RefusedAsync(SettingsRequests.SaveSettings(domain, "x", true, 1.0, true), "validation error: matchConfig.value must be between 0.00 and 0.99");
        await RefusedAsync(SettingsRequests.SaveSettings(domain, "x", true, -0.5, true), "validation error: matchConfig.value must be between 0.00 and 0.99");
        await RefusedAsync(SettingsRequests.SaveSettings(domain, new string('p', 4001), true, 0.5, true), "validation error: promptConfig.value exceeds the maximum length of 4000");
        var body = SettingsRequests.SettingsBody("x", true, 0.5, true);
        body["domainSetting"]!["matchConfig"]!["value"] = "0.5";
        await RefusedAsync(ApiRequests.Request(HttpMethod.Post, "/api/ucp/promptConfig", domain, body), "validation error: matchConfig.value (a number) is required");
        body = SettingsRequests.SettingsBody("x", true, 0.5, true);
        body["domainSetting"]!.AsObject().Remove("matchConfig");
        await RefusedAsync(ApiRequests.Request(HttpMethod.Post, "/api/ucp/promptConfig", domain, body),
            "validation error: domainSetting.promptConfig and domainSetting.matchConfig (objects) are required");
        body = SettingsRequests.SettingsBody("x", true, 0.5, true);
        body["domainSetting"]!["promptConfig"]!["isActive"] = "yes";
        await RefusedAsync(ApiRequests.Request(HttpMethod.Post, "/api/ucp/promptConfig", domain, body),
            "validation error: request body is not valid JSON of the expected shape (isActive must be true or false)");

        Assert.Equal(Setting("Keep it short.", true, 0.9, true), await ReadAsync(domain, admin));

        async Task RefusedAsync(HttpRequestMessage request, string message)
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

        Assert.Equal(404, (await SendAsync(SettingsRequests.GetSettings(missing), admin)).Status);
        Assert.Equal(404, (await SendAsync(SettingsRequests.SaveSettings(missing, "", false, 0.5, true), admin)).Status);
    }

    private async Task<string> NewDomainAsync(string admin)
    {
        var domain = ApiRequests.NewDomainName("ps");
        await fixture.CreateDomainAsync(domain, admin);
        return domain;
    }

    private async Task<string> ReadAsync(string domain, string token)
    {
        var answer = await SendAsync(SettingsRequests.GetSettings(domain), token);
        Assert.True(answer.Status == 200, answer.ToString());
        return answer.Json!["domainSetting"]!.ToJsonString();
    }

    private static string Setting(string prompt, bool promptActive, double threshold, bool matchActive) =>
        SettingsRequests.SettingsBody(prompt, promptActive, threshold, matchActive)["domainSetting"]!.ToJsonString();

    private Task<ApiAnswer> SendAsync(HttpRequestMessage request, string token) => ApiRequests.SendAsync(fixture.Api, request, token);
}
