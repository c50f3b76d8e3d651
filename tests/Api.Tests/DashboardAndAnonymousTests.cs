using Upt.Api.Auth;

namespace Upt.Api.Tests;

/// <summary>
/// The Orleans dashboard needs the global admin mask outside Development and is open in Development; health, metrics
/// and the OpenAPI document never need a token.
/// </summary>
[Collection(AuthClusterCollection.Name)]
public sealed class DashboardAndAnonymousTests(AuthClusterFixture fixture)
{
    public static readonly TheoryData<string> DashboardPaths = new("/dashboard/", "/dashboard/DashboardCounters");

    public static readonly TheoryData<string> AnonymousPaths = new("/health/live", "/health/ready", "/metrics", "/openapi/v1.json");

    [Theory, MemberData(nameof(DashboardPaths))]
    public async Task Dashboard_outside_Development_needs_the_global_admin_mask(string path)
    {
        var anonymous = await GetAsync(fixture.Api, path, null);
        Assert.True(anonymous.Status == 401, anonymous.ToString());

        // Every bit, but of one domain: the dashboard shows the whole cluster.
        var domainAdmin = await GetAsync(fixture.Api, path, await fixture.TokenAsync($"app-{fixture.Domain}-adminRole/ffffffff"));
        Assert.True(domainAdmin.Status == 403, domainAdmin.ToString());
        var almostAdmin = await GetAsync(fixture.Api, path, await fixture.TokenAsync("app-global-settingsRole/7fffffff"));
        Assert.True(almostAdmin.Status == 403, almostAdmin.ToString());

        var admin = await GetAsync(fixture.Api, path, await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin));
        Assert.True(admin.Status == 200, admin.ToString());
    }

    [Theory, MemberData(nameof(DashboardPaths))]
    public async Task Dashboard_in_Development_is_open(string path)
    {
        var answer = await GetAsync(fixture.DevApi, path, null);
        Assert.True(answer.Status == 200, answer.ToString());
    }

    [Fact]
    public async Task The_Development_API_still_requires_tokens_for_UPT_routes()
    {
        var answer = await GetAsync(fixture.DevApi, "/api/ucp/admin", null);
        Assert.True(answer.Status == 401, answer.ToString());

        var token = await fixture.TokenAsync(new DevInfra.DevTokenRequest { Groups = [$"app-{fixture.Domain}-agents/1"] });
        var request = RouteCase.All["GetProfile"].Build(fixture, fixture.Domain2);
        RoutePermissionTests.AssertForbidden(await ApiRequests.SendAsync(fixture.DevApi, request, token), "GetProfile", AppPermission.SearchProfile);
    }

    [Theory, MemberData(nameof(AnonymousPaths))]
    public async Task Health_metrics_and_OpenAPI_need_no_token(string path)
    {
        var answer = await GetAsync(fixture.Api, path, null);
        Assert.True(answer.Status == 200, answer.ToString());
    }

    [Fact]
    public async Task An_unmapped_path_needs_a_token_too()
    {
        // The fallback policy: nothing answers an anonymous caller unless it says so.
        var answer = await GetAsync(fixture.Api, "/api/ucp/ruleSet", null);
        Assert.True(answer.Status == 401, answer.ToString());
    }

    private static Task<ApiAnswer> GetAsync(HttpClient client, string path, string? token) =>
        ApiRequests.SendAsync(client, ApiRequests.Request(HttpMethod.Get, path, null), token);
}
