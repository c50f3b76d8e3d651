using Upt.Api.Auth;

namespace Upt.Api.Tests;

/// <summary>Which groups apply to a domain: exact names (no prefix matches), and the union of all that apply.</summary>
[Collection(AuthClusterCollection.Name)]
public sealed class GroupMatchingTests(AuthClusterFixture fixture)
{
    [Fact]
    public async Task A_domains_group_does_not_grant_in_a_domain_whose_name_extends_it()
    {
        // UPT tested "starts with app-<domain>", so app-demo-* granted in demo2 and app-demo2-* / app-demo_x-* in demo.
        var search = await fixture.TokenAsync($"app-{fixture.Domain}-agents/1");
        AssertForbidden(await SearchAsync(fixture.Domain2, search));
        AssertForbidden(await SearchAsync(fixture.DomainX, search));

        AssertForbidden(await SearchAsync(fixture.Domain, await fixture.TokenAsync($"app-{fixture.Domain2}-agents/1")));
        AssertForbidden(await SearchAsync(fixture.Domain, await fixture.TokenAsync($"app-{fixture.DomainX}-agents/1")));

        Assert.Equal(200, (await SearchAsync(fixture.Domain, search)).Status);
    }

    [Fact]
    public async Task Only_the_exact_global_scope_is_global()
    {
        AssertForbidden(await SearchAsync(fixture.Domain, await fixture.TokenAsync("app-global_x-adminRole/ffffffff")));
        AssertForbidden(await SearchAsync(fixture.Domain, await fixture.TokenAsync("app-globaladmin-x/ffffffff")));
        Assert.Equal(200, (await SearchAsync(fixture.Domain, await fixture.TokenAsync("app-global-readonly/1"))).Status);
    }

    [Fact]
    public async Task Groups_combine_as_a_union()
    {
        var target = ApiRequests.NewDomainName("un");
        await fixture.CreateDomainAsync(target, await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin));
        // Search from a global group, delete from the domain's own group: neither alone grants both.
        var token = await fixture.TokenAsync("app-global-readonly/1", $"app-{target}-remover/20", "not-an-app-group", "app-broken");

        Assert.Equal(200, (await SearchAsync(fixture.Domain, token)).Status);
        var delete = await ApiRequests.SendAsync(fixture.Api, ApiRequests.Request(HttpMethod.Delete, $"/api/ucp/admin/{target}", null), token);
        Assert.True(delete.Status == 200, delete.ToString());

        var searchOnly = await fixture.TokenAsync("app-global-readonly/1");
        var denied = await ApiRequests.SendAsync(fixture.Api, ApiRequests.Request(HttpMethod.Delete, $"/api/ucp/admin/{target}", null), searchOnly);
        RoutePermissionTests.AssertForbidden(denied, "DeleteDomain", AppPermission.DeleteDomain);
    }

    [Fact]
    public async Task Malformed_groups_grant_nothing()
    {
        foreach (var group in new[] { "app-global-adminRole/fffffffff", "app-global-adminRole/zz", "app-global-/1", "app-global-x/1/1", "app-global-x/", "app-global-x/ 1", "ucp-global-admin/1" })
        {
            AssertForbidden(await SearchAsync(fixture.Domain, await fixture.TokenAsync(group)), group);
        }
    }

    [Fact]
    public async Task Groups_sent_as_one_JSON_string_are_read_too()
    {
        var token = await fixture.TokenAsync(new DevInfra.DevTokenRequest
        {
            Groups = ["app-global-readonly/1"],
            Audience = AuthClusterFixture.Audience,
            GroupsAsJsonString = true,
        });

        Assert.Equal(200, (await SearchAsync(fixture.Domain, token)).Status);
    }

    private Task<ApiAnswer> SearchAsync(string domain, string token) =>
        ApiRequests.SendAsync(fixture.Api, RouteCase.All["SearchProfiles"].Build(fixture, domain), token);

    private static void AssertForbidden(ApiAnswer answer, string? because = null)
    {
        Assert.True(answer.Status == 403, $"{because} {answer}");
        Assert.Equal("user cannot perform action: SearchProfiles (requires SearchProfile)", answer.ErrorMessage);
    }
}
