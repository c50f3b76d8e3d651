namespace Upt.DataPermissions.Tests;

/// <summary>Data groups apply to exactly their domain (UPT matched a prefix).</summary>
public sealed class GroupNameTests
{
    [Theory]
    [InlineData("ucp-foo-admin", "foo", true)]
    [InlineData("ucp-foo-admin-agents", "foo", true)]
    [InlineData("ucp-foo_bar-admin", "foo", false)]
    [InlineData("ucp-foo_bar-admin", "foo_bar", true)]
    [InlineData("ucp-foo-administrators", "foo", false)]
    [InlineData("ucp-foo-admin-", "foo", false)]
    [InlineData("ucp-foo2-admin", "foo", false)]
    [InlineData("app-foo-admin", "foo", false)]
    [InlineData("UCP-foo-admin", "foo", false)]
    public void Applies_to_its_domain_only(string group, string domain, bool applies) => Assert.Equal(applies, DataPermissionGroups.AppliesTo(group, domain));

    [Theory]
    [InlineData("ucp-foo-admin", null)]
    [InlineData("ucp-foo-admin-call_centre-2", null)]
    [InlineData("ucp-foo-admin-a b", "group suffix may hold only letters, digits, '-' and '_' (128 characters at most)")]
    [InlineData("ucp-bar-admin", "group must be ucp-foo-admin or ucp-foo-admin-<suffix>")]
    [InlineData("", "group must be ucp-foo-admin or ucp-foo-admin-<suffix>")]
    public void Names_a_domain_may_store(string group, string? error) => Assert.Equal(error, DataPermissionGroups.NameError(group, "foo"));
}
