namespace Upt.Grains.Tests;

/// <summary>A domain's data grants: the default at creation, validated changes, and nothing left after the domain goes.</summary>
[Collection(GridCollection.Name)]
public sealed class DataPermissionGrainTests(GridFixture grid)
{
    [Fact]
    public async Task A_new_domain_grants_everything_to_its_admin_group_only()
    {
        var domain = await grid.NewDomainAsync();

        var grants = await grid.Client.GetGrain<IDataPermissionGrain>(domain).ListAsync();

        Assert.Equal([new DataPermissionGrant($"ucp-{domain}-admin", "*/*")], grants);
    }

    [Fact]
    public async Task Grants_are_set_replaced_and_removed_and_a_deleted_domain_starts_over()
    {
        var domain = await grid.NewDomainAsync();
        var grain = grid.Client.GetGrain<IDataPermissionGrain>(domain);

        await grain.SetAsync(new DataPermissionGrant($"ucp-{domain}-admin-agents", "traveller/firstName"));
        await grain.SetAsync(new DataPermissionGrant($"ucp-{domain}-admin-agents", "traveller/*,birthDate"));
        Assert.True(await grain.RemoveAsync($"ucp-{domain}-admin"));
        Assert.False(await grain.RemoveAsync($"ucp-{domain}-admin"));
        Assert.Equal([new DataPermissionGrant($"ucp-{domain}-admin-agents", "traveller/*,birthDate")], await grain.ListAsync());

        var domainGrain = grid.Client.GetGrain<IDomainGrain>(domain);
        Assert.True(await domainGrain.DeleteAsync());
        Assert.True(await domainGrain.CreateAsync());

        Assert.Equal([new DataPermissionGrant($"ucp-{domain}-admin", "*/*")], await grain.ListAsync());
    }

    [Fact]
    public async Task Invalid_grants_are_refused_and_change_nothing()
    {
        var domain = await grid.NewDomainAsync();
        var grain = grid.Client.GetGrain<IDataPermissionGrain>(domain);

        var bad = await Assert.ThrowsAsync<ArgumentException>(() => grain.SetAsync(new DataPermissionGrant($"ucp-{domain}-admin", "traveller/*?from BOS")).AsTask());
        Assert.StartsWith("invalid permission: line 1, column 18: expected an operator", bad.Message, StringComparison.Ordinal);
        var prefix = await Assert.ThrowsAsync<ArgumentException>(() => grain.SetAsync(new DataPermissionGrant($"ucp-{domain}_x-admin", "*/*")).AsTask());
        Assert.StartsWith($"group must be ucp-{domain}-admin or ucp-{domain}-admin-<suffix>", prefix.Message, StringComparison.Ordinal);

        Assert.Equal([new DataPermissionGrant($"ucp-{domain}-admin", "*/*")], await grain.ListAsync());
    }
}
