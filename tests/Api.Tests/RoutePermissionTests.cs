using Upt.Api.Auth;

namespace Upt.Api.Tests;

/// <summary>Every route × no token, another domain's groups, a mask without the route's bit, and enough rights.</summary>
[Collection(AuthClusterCollection.Name)]
public sealed class RoutePermissionTests(AuthClusterFixture fixture)
{
    [Theory, MemberData(nameof(RouteCase.Names), MemberType = typeof(RouteCase))]
    public async Task No_token_is_401_in_the_UPT_envelope(string route)
    {
        var answer = await SendAsync(route, await TargetAsync(route, create: false), token: null);

        Assert.True(answer.Status == 401, answer.ToString());
        Assert.Equal("401", answer.ErrorCode);
        Assert.Equal("unauthorized", (string?)answer.Json?["error"]?["type"]);
        Assert.False(string.IsNullOrEmpty((string?)answer.Json?["TxID"]), answer.ToString());
        Assert.Equal((string?)answer.Json?["TxID"], answer.TxHeader);
    }

    [Theory, MemberData(nameof(RouteCase.Names), MemberType = typeof(RouteCase))]
    public async Task Another_domains_admin_group_is_403_except_on_public_routes(string route)
    {
        var c = RouteCase.All[route];
        var target = await TargetAsync(route, create: true);
        // Every bit, but in a domain the request does not act on (header or path).
        var token = await fixture.TokenAsync($"app-{fixture.Domain2}-adminRole/ffffffff");

        var answer = await SendAsync(route, target, token);

        if (c.Permission == AppPermission.Public)
        {
            Assert.True(answer.Status == c.Allowed, answer.ToString());
        }
        else
        {
            AssertForbidden(answer, route, c.Permission);
        }
    }

    [Theory, MemberData(nameof(RouteCase.Guarded), MemberType = typeof(RouteCase))]
    public async Task A_global_mask_without_the_routes_bit_is_403(string route)
    {
        var c = RouteCase.All[route];
        var target = await TargetAsync(route, create: true);
        var token = await fixture.TokenAsync($"app-global-allButOne/{RouteCase.Hex(AppPermission.Admin & ~c.Permission)}");

        AssertForbidden(await SendAsync(route, target, token), route, c.Permission);
    }

    [Theory, MemberData(nameof(RouteCase.Names), MemberType = typeof(RouteCase))]
    public async Task Global_admin_gets_2xx(string route)
    {
        var c = RouteCase.All[route];
        var target = await TargetAsync(route, create: true);
        // With the domain's data grant too: app bits alone show no profile data and cannot merge or delete.
        var answer = await SendAsync(route, target, await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin, AuthClusterFixture.DataAdmin(target)));

        // Or the refusal of a UPT route tied to an AWS service Upt does not use.
        Assert.True(c.Allowed == 200 ? answer.Status is >= 200 and < 300 : answer.Status == c.Allowed, answer.ToString());
        Assert.Equal(c.Allowed == 200 ? "" : "400", answer.ErrorCode);
    }

    [Theory, MemberData(nameof(RouteCase.Guarded), MemberType = typeof(RouteCase))]
    public async Task Exactly_the_routes_bit_is_enough(string route)
    {
        var c = RouteCase.All[route];
        var target = await TargetAsync(route, create: true);
        var scope = c.Scope == PermissionScope.Global ? "global" : target;
        var answer = await SendAsync(route, target, await fixture.TokenAsync($"app-{scope}-oneBit/{RouteCase.Hex(c.Permission)}", AuthClusterFixture.DataAdmin(target)));

        Assert.True(answer.Status == c.Allowed, answer.ToString());
    }

    [Fact]
    public async Task Creating_a_domain_needs_a_global_group_not_one_of_the_header_domain()
    {
        var token = await fixture.TokenAsync($"app-{fixture.Domain}-adminRole/ffffffff");
        var request = ApiRequests.Request(HttpMethod.Post, "/api/ucp/admin", fixture.Domain,
            ApiRequests.CreateDomainBody(ApiRequests.NewDomainName("cr")));

        AssertForbidden(await ApiRequests.SendAsync(fixture.Api, request, token), "CreateDomain", AppPermission.CreateDomain);

        var manager = await fixture.TokenAsync("app-global-domainManagerRole/30");
        request = ApiRequests.Request(HttpMethod.Post, "/api/ucp/admin", null, ApiRequests.CreateDomainBody(ApiRequests.NewDomainName("cr")));
        var answer = await ApiRequests.SendAsync(fixture.Api, request, manager);
        Assert.True(answer.Status == 200, answer.ToString());
    }

    [Fact]
    public async Task Deleting_a_domain_is_checked_against_that_domain_not_the_header()
    {
        var target = ApiRequests.NewDomainName("dl");
        await fixture.CreateDomainAsync(target, await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin));
        // Admin of the header's domain: grants nothing on the domain in the path.
        var headerAdmin = await fixture.TokenAsync($"app-{fixture.Domain}-adminRole/ffffffff");
        var request = ApiRequests.Request(HttpMethod.Delete, $"/api/ucp/admin/{target}", fixture.Domain);
        AssertForbidden(await ApiRequests.SendAsync(fixture.Api, request, headerAdmin), "DeleteDomain", AppPermission.DeleteDomain);

        var ownAdmin = await fixture.TokenAsync($"app-{target}-adminRole/ffffffff");
        request = ApiRequests.Request(HttpMethod.Delete, $"/api/ucp/admin/{target}", fixture.Domain);
        var answer = await ApiRequests.SendAsync(fixture.Api, request, ownAdmin);
        Assert.True(answer.Status == 200, answer.ToString());
    }

    [Fact]
    public async Task A_domain_named_global_cannot_be_created()
    {
        var request = ApiRequests.Request(HttpMethod.Post, "/api/ucp/admin", null, ApiRequests.CreateDomainBody("global"));
        var answer = await ApiRequests.SendAsync(fixture.Api, request, await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin));

        Assert.True(answer.Status == 400, answer.ToString());
        Assert.Contains("reserved", answer.ErrorMessage, StringComparison.Ordinal);
    }

    internal static void AssertForbidden(ApiAnswer answer, string route, AppPermission permission)
    {
        Assert.True(answer.Status == 403, answer.ToString());
        Assert.Equal("403", answer.ErrorCode);
        Assert.Equal("forbidden", (string?)answer.Json?["error"]?["type"]);
        Assert.Equal($"user cannot perform action: {route} (requires {permission})", answer.ErrorMessage);
        Assert.False(string.IsNullOrEmpty((string?)answer.Json?["TxID"]), answer.ToString());
    }

    /// <summary>The domain the request acts on: a fresh one for DeleteDomain (created when the call should succeed), else the fixture's.</summary>
    private async Task<string> TargetAsync(string route, bool create)
    {
        if (route != "DeleteDomain")
        {
            return fixture.Domain;
        }

        var target = ApiRequests.NewDomainName("dl");
        if (create)
        {
            await fixture.CreateDomainAsync(target, await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin));
        }

        return target;
    }

    private async Task<ApiAnswer> SendAsync(string route, string target, string? token)
    {
        if (RouteCase.All[route].Prepare is { } prepare)
        {
            await prepare(fixture, target);
        }

        return await ApiRequests.SendAsync(fixture.Api, RouteCase.All[route].Build(fixture, target), token);
    }
}
