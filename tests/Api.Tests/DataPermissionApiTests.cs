using System.Text.Json.Nodes;

namespace Upt.Api.Tests;

/// <summary>Managing a domain's data grants over HTTP: the default grant, validation, changes that apply at once.</summary>
[Collection(AuthClusterCollection.Name)]
public sealed class DataPermissionApiTests(AuthClusterFixture fixture)
{
    [Fact]
    public async Task A_domain_starts_with_its_admin_group_holding_everything_and_its_grants_go_with_it()
    {
        var admin = await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin);
        var domain = ApiRequests.NewDomainName("dp");
        await fixture.CreateDomainAsync(domain, admin);
        Assert.Equal($$"""[{"group":"ucp-{{domain}}-admin","permission":"*/*"}]""", await ListAsync(domain, admin));

        await DataPermissionRequests.SaveAsync(fixture, domain, $"ucp-{domain}-admin-agents", "traveller/firstName");
        var answer = await SendAsync(DataPermissionRequests.Delete(domain, $"ucp-{domain}-admin"), admin);
        Assert.True(answer.Status == 200, answer.ToString());
        Assert.Equal($$"""[{"group":"ucp-{{domain}}-admin-agents","permission":"traveller/firstName"}]""", answer.Json!["dataPermissions"]!.ToJsonString());

        // Without its */* group, nobody merges in the domain any more, whatever the app bits.
        answer = await SendAsync(MergeRequests.Merge(domain, MergeRequests.Pair(fixture.ConnectId, fixture.ConnectId)), await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin, AuthClusterFixture.DataAdmin(domain)));
        Assert.True(answer.Status == 400, answer.ToString());
        Assert.Equal("only administrator can merge profiles", answer.ErrorMessage);

        answer = await SendAsync(ApiRequests.Request(HttpMethod.Delete, $"/api/ucp/admin/{domain}", null), admin);
        Assert.True(answer.Status == 200, answer.ToString());
        answer = await SendAsync(DataPermissionRequests.List(domain), admin);
        Assert.True(answer.Status == 404, answer.ToString());
        await fixture.CreateDomainAsync(domain, admin);
        Assert.Equal($$"""[{"group":"ucp-{{domain}}-admin","permission":"*/*"}]""", await ListAsync(domain, admin));
    }

    [Fact]
    public async Task Saving_validates_the_group_and_the_grammar_and_changes_nothing_on_error()
    {
        var domain = fixture.Domain;
        var admin = await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin);
        var before = await ListAsync(domain, admin);
        var group = $"ucp-{domain}-admin-invalid";
        var cases = new (HttpRequestMessage Request, string Message)[]
        {
            (DataPermissionRequests.Save(domain, group, "air_booking/*?from BOS"),
                "validation error: dataPermission.permission does not parse: line 1, column 20: expected an operator (=, !=, <, <=, >, >=, in) after 'from', found 'BOS'"),
            (DataPermissionRequests.Save(domain, group, "traveller/*\n*/*"), "validation error: dataPermission.permission does not parse: line 1, column 1: */* must be the only line of a permission"),
            (DataPermissionRequests.Save(domain, group, "hotel_stays/*"),
                "validation error: dataPermission.permission names unknown object hotel_stays (known: traveller, air_booking, air_loyalty, alternate_profile_id, ancillary_service, "
                + "clickstream, customer_service_interaction, email_history, guest_profile, hotel_booking, hotel_loyalty, hotel_stay_revenue_items, loyalty_transaction, "
                + "pax_profile, phone_history, hotel_stay)"),
            // The data group of domain "<domain>_x" (which exists) is not one of this domain's.
            (DataPermissionRequests.Save(domain, $"ucp-{fixture.DomainX}-admin", "*/*"), $"validation error: dataPermission.group must be ucp-{domain}-admin or ucp-{domain}-admin-<suffix>"),
            (DataPermissionRequests.Save(domain, $"ucp-{domain}-administrators", "*/*"), $"validation error: dataPermission.group must be ucp-{domain}-admin or ucp-{domain}-admin-<suffix>"),
            (DataPermissionRequests.Save(domain, $"ucp-{domain}-admin-a b", "*/*"), "validation error: dataPermission.group suffix may hold only letters, digits, '-' and '_' (128 characters at most)"),
            (ApiRequests.Request(HttpMethod.Post, "/api/ucp/dataPermission", domain, new JsonObject()), "validation error: dataPermission is required"),
            (ApiRequests.Request(HttpMethod.Post, "/api/ucp/dataPermission", domain, new JsonObject { ["dataPermission"] = new JsonObject { ["group"] = group } }),
                "validation error: dataPermission.permission is required (an empty string grants nothing)"),
            (DataPermissionRequests.Delete(domain, $"ucp-{fixture.Domain2}-admin"), $"validation error: group must be ucp-{domain}-admin or ucp-{domain}-admin-<suffix>"),
        };

        foreach (var (request, message) in cases)
        {
            var answer = await SendAsync(request, admin);
            Assert.True(answer.Status == 400, $"{message}: {answer}");
            Assert.Equal(message, answer.ErrorMessage);
            Assert.Equal("validation_error", (string?)answer.Json?["error"]?["type"]);
        }

        Assert.Equal(before, await ListAsync(domain, admin));
    }

    [Fact]
    public async Task A_grant_is_set_replaced_and_removed_and_each_change_applies_to_the_next_request()
    {
        var domain = fixture.Domain;
        var admin = await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin);
        var group = $"ucp-{domain}-admin-{Guid.NewGuid():N}"[..(domain.Length + 20)];
        var member = await fixture.TokenAsync($"app-{domain}-agents/1", group);
        Assert.Empty(await SearchAsync(member));

        await DataPermissionRequests.SaveAsync(fixture, domain, group, "traveller/firstName");
        Assert.Equal(["firstName"], Keys(Assert.Single(await SearchAsync(member))));

        await DataPermissionRequests.SaveAsync(fixture, domain, group, "traveller/connectId,lastName");
        Assert.Equal(["connectId", "lastName"], Keys(Assert.Single(await SearchAsync(member))));
        Assert.Contains($$"""{"group":"{{group}}","permission":"traveller/connectId,lastName"}""", await ListAsync(domain, admin), StringComparison.Ordinal);

        var answer = await SendAsync(DataPermissionRequests.Delete(domain, group), admin);
        Assert.True(answer.Status == 200, answer.ToString());
        Assert.Empty(await SearchAsync(member));
        Assert.DoesNotContain(group, await ListAsync(domain, admin), StringComparison.Ordinal);

        answer = await SendAsync(DataPermissionRequests.Delete(domain, group), admin);
        Assert.True(answer.Status == 404, answer.ToString());
        Assert.Equal($"group {group} has no data permission in domain {domain}", answer.ErrorMessage);
    }

    [Fact]
    public async Task The_routes_are_in_the_OpenAPI_document()
    {
        var answer = await ApiRequests.SendAsync(fixture.Api, ApiRequests.Request(HttpMethod.Get, "/openapi/v1.json", null), null);

        var paths = answer.Json!["paths"]!.AsObject();
        Assert.Equal(["get", "post"], paths["/api/ucp/dataPermission"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["delete"], paths["/api/ucp/dataPermission/{group}"]!.AsObject().Select(p => p.Key));
    }

    internal static string[] Keys(JsonNode? node) => node!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();

    private async Task<JsonArray> SearchAsync(string token)
    {
        var answer = await SendAsync(RouteCase.All["SearchProfiles"].Build(fixture, fixture.Domain), token);
        Assert.True(answer.Status == 200, answer.ToString());
        return answer.Json!["profiles"]!.AsArray();
    }

    private async Task<string> ListAsync(string domain, string token)
    {
        var answer = await SendAsync(DataPermissionRequests.List(domain), token);
        Assert.True(answer.Status == 200, answer.ToString());
        return answer.Json!["dataPermissions"]!.ToJsonString();
    }

    private Task<ApiAnswer> SendAsync(HttpRequestMessage request, string token) => ApiRequests.SendAsync(fixture.Api, request, token);
}
