using System.Security.Claims;
using Upt.Api.Auth;

namespace Upt.Api.Tests;

public sealed class AppPermissionGroupsTests
{
    [Theory]
    [InlineData("app-global-adminRole/ffffffff", "global", 0xffffffffu)]
    [InlineData("app-global-domainManagerRole/30", "global", 0x30u)]
    [InlineData("app-demo-profileManagerRole/f", "demo", 0xfu)]
    [InlineData("app-foo_bar-ruleSetManagerRole/80300", "foo_bar", 0x80300u)]
    [InlineData("app-demo-role-with-dashes/1", "demo", 0x1u)]
    [InlineData("app-demo-x/00000001", "demo", 0x1u)]
    public void Parses_UPT_group_names(string group, string scope, uint bits)
    {
        Assert.True(AppPermissionGroups.TryParse(group, out var s, out var b));
        Assert.Equal(scope, s);
        Assert.Equal((AppPermission)bits, b);
    }

    [Theory]
    [InlineData("ucp-demo-admin")]
    [InlineData("app-demo-admin")]
    [InlineData("app-demo/1")]
    [InlineData("app--x/1")]
    [InlineData("app-demo-/1")]
    [InlineData("app-demo-x/1/2")]
    [InlineData("app-demo-x/")]
    [InlineData("app-demo-x/123456789")]
    [InlineData("app-demo-x/-1")]
    [InlineData("app-demo-x/ 1")]
    [InlineData("app-demo-x/0x1")]
    [InlineData("app-demo-x/g")]
    public void Rejects_malformed_groups(string group)
    {
        Assert.False(AppPermissionGroups.TryParse(group, out _, out _));
    }

    [Fact]
    public void Mask_is_the_union_of_global_and_exactly_matching_domain_groups()
    {
        string[] groups = ["app-global-readonly/1", "app-demo-x/4", "app-demo2-y/8", "app-demo_x-z/10", "app-global_x-w/20", "app-dem-v/40"];

        Assert.Equal(AppPermission.SearchProfile | AppPermission.MergeProfile, AppPermissionGroups.MaskFor(groups, "demo"));
        Assert.Equal(AppPermission.SearchProfile | AppPermission.UnmergeProfile, AppPermissionGroups.MaskFor(groups, "demo2"));
        Assert.Equal(AppPermission.SearchProfile, AppPermissionGroups.MaskFor(groups, null));
        Assert.Equal(AppPermission.SearchProfile, AppPermissionGroups.MaskFor(groups, "other"));
    }

    [Fact]
    public void Groups_are_read_from_repeated_claims_and_from_a_JSON_array_string()
    {
        var identity = new ClaimsIdentity(
        [
            new Claim("cognito:groups", "app-global-a/1"),
            new Claim("cognito:groups", "app-demo-b/2"),
            new Claim("cognito:groups", "[\"app-demo-c/4\",\"app-demo-d/8\"]"),
            new Claim("groups", "app-global-ignored/ffffffff"),
        ], "test");
        var groups = AppPermissionGroups.GroupsOf(new ClaimsPrincipal(identity), "cognito:groups");

        Assert.Equal(["app-global-a/1", "app-demo-b/2", "app-demo-c/4", "app-demo-d/8"], groups);
    }
}
