using Upt.Api.Endpoints;

namespace Upt.Api.Tests;

/// <summary>UPT routes tied to AWS services (domain refresh, industry connector, AppFlow, cache rebuild) answer in UPT's envelope.</summary>
[Collection(AuthClusterCollection.Name)]
public sealed class AwsOnlyApiTests(AuthClusterFixture fixture)
{
    [Fact]
    public async Task Refreshing_a_domain_is_200_with_the_empty_envelope_and_404_for_an_unknown_one()
    {
        var admin = await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin);

        var refreshed = await ApiRequests.SendAsync(fixture.Api, ApiRequests.Request(HttpMethod.Put, $"/api/ucp/admin/{fixture.Domain}", null), admin);
        Assert.True(refreshed.Status == 200, refreshed.ToString());
        Assert.Equal(["TxID", "error"], refreshed.Json!.Select(p => p.Key));
        Assert.Equal("", refreshed.ErrorCode);

        var missing = ApiRequests.NewDomainName("nx");
        var unknown = await ApiRequests.SendAsync(fixture.Api, ApiRequests.Request(HttpMethod.Put, $"/api/ucp/admin/{missing}", null), admin);
        Assert.True(unknown.Status == 404, unknown.ToString());
        Assert.Equal(("404", $"domain {missing} not found", "not_found"), (unknown.ErrorCode, unknown.ErrorMessage, (string?)unknown.Json!["error"]!["type"]));
    }

    [Fact]
    public async Task A_domain_never_needs_a_mapping_update()
    {
        var answer = await ApiRequests.SendAsync(fixture.Api, ApiRequests.Request(HttpMethod.Get, $"/api/ucp/admin/{fixture.Domain}", fixture.Domain),
            await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin));

        Assert.True(answer.Status == 200, answer.ToString());
        Assert.False((bool)answer.Json!["config"]!["domains"]![0]!["needsMappingUpdate"]!);
    }

    [Fact]
    public async Task No_connector_is_deployed_linking_and_flows_are_400_naming_what_to_use()
    {
        var admin = await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin);

        var list = await ApiRequests.SendAsync(fixture.Api, ApiRequests.Request(HttpMethod.Get, "/api/ucp/connector", null), admin);
        Assert.True(list.Status == 200, list.ToString());
        Assert.Empty(list.Json!["connectors"]!.AsArray());

        var link = await ApiRequests.SendAsync(fixture.Api, ApiRequests.Request(HttpMethod.Post, "/api/ucp/connector/link", null), admin);
        Assert.True(link.Status == 400, link.ToString());
        Assert.Equal(("400", "Upt has no industry connector (it is deprecated in UPT and not deployed by Upt): to load files, start a batch job with POST /api/ucp/jobs"),
            (link.ErrorCode, link.ErrorMessage));

        var flows = await ApiRequests.SendAsync(fixture.Api, ApiRequests.Request(HttpMethod.Post, "/api/ucp/flows", null), admin);
        Assert.True(flows.Status == 400, flows.ToString());
        Assert.Equal(("400", "AppFlow is not part of Upt: send records to the ingestion Kinesis stream, or load files with a batch job (POST /api/ucp/jobs)"),
            (flows.ErrorCode, flows.ErrorMessage));
    }

    [Theory]
    [InlineData(null, "validation error: type is required (1 = Customer Profiles, 2 = DynamoDB, 3 = both)")]
    [InlineData("0", "validation error: type must be 1 (Customer Profiles), 2 (DynamoDB) or 3 (both), got '0'")]
    [InlineData("4", "validation error: type must be 1 (Customer Profiles), 2 (DynamoDB) or 3 (both), got '4'")]
    [InlineData("x", "validation error: type must be 1 (Customer Profiles), 2 (DynamoDB) or 3 (both), got 'x'")]
    [InlineData("1", AwsOnlyApi.NoCaches)]
    [InlineData("2", AwsOnlyApi.NoCaches)]
    [InlineData("3", AwsOnlyApi.NoCaches)]
    public async Task Rebuilding_caches_validates_type_then_is_400_no_caches(string? type, string message)
    {
        var answer = await ApiRequests.SendAsync(fixture.Api, CacheRuleSetRequests.Rebuild(fixture.Domain, type), await fixture.TokenAsync(AuthClusterFixture.GlobalAdmin));

        Assert.True(answer.Status == 400, answer.ToString());
        Assert.Equal(("400", message), (answer.ErrorCode, answer.ErrorMessage));
        Assert.Equal("Upt has no caches to rebuild: it has no downstream Customer Profiles or DynamoDB caches and serves every read from its own store", AwsOnlyApi.NoCaches);
    }
}
