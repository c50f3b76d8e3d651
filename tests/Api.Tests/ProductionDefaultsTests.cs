namespace Upt.Api.Tests;

/// <summary>The API's own defaults are secure: without an issuer it refuses to start rather than run open.</summary>
[Collection(AuthClusterCollection.Name)]
public sealed class ProductionDefaultsTests(AuthClusterFixture fixture)
{
    [Fact]
    public async Task Without_auth_settings_the_API_does_not_start()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.StartApiAsync("api-no-auth", new Dictionary<string, string>()));
        Assert.Contains("Auth:Authority is required", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_http_authority_needs_RequireHttpsMetadata_false()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.StartApiAsync("api-http-issuer", new Dictionary<string, string>
        {
            ["Auth__Authority"] = fixture.Authority,
            ["Auth__Audience"] = AuthClusterFixture.Audience,
        }));
        Assert.Contains("Auth:Authority must be https", failure.Message, StringComparison.Ordinal);
    }
}
