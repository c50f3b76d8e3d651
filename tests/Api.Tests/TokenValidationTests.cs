using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Upt.DevInfra;

namespace Upt.Api.Tests;

/// <summary>Tokens the API must refuse (401 in UPT's envelope) and the token shapes it must accept.</summary>
[Collection(AuthClusterCollection.Name)]
public sealed class TokenValidationTests(AuthClusterFixture fixture)
{
    [Fact]
    public async Task Wrong_audience_is_401()
    {
        var token = await fixture.TokenAsync(Admin() with { Audience = "another-api" });
        AssertUnauthorized(await ListDomainsAsync(token));
    }

    [Fact]
    public async Task Wrong_issuer_is_401()
    {
        // Signed by the trusted key, but claiming another issuer.
        var token = await fixture.TokenAsync(Admin() with { Issuer = "https://issuer.example.com" });
        AssertUnauthorized(await ListDomainsAsync(token));
    }

    [Fact]
    public async Task Expired_token_is_401()
    {
        var token = await fixture.TokenAsync(Admin() with { ExpiresIn = TimeSpan.FromMinutes(-10) });
        AssertUnauthorized(await ListDomainsAsync(token));
    }

    [Fact]
    public async Task Token_signed_by_an_unknown_key_is_401()
    {
        var kid = (await fixture.Issuer.Issuer.KeyIdsAsync(TestContext.Current.CancellationToken)).First();
        using var foreign = RSA.Create(2048);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = new JsonObject
        {
            ["iss"] = fixture.Authority,
            ["aud"] = AuthClusterFixture.Audience,
            ["sub"] = "intruder",
            ["iat"] = now,
            ["nbf"] = now - 10,
            ["exp"] = now + 600,
            ["cognito:groups"] = new JsonArray(AuthClusterFixture.GlobalAdmin),
        };

        // Same issuer, audience and key id as a genuine token: only the signature gives it away.
        AssertUnauthorized(await ListDomainsAsync(Sign(new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = kid }, claims, foreign)));
        AssertUnauthorized(await ListDomainsAsync(Sign(new JsonObject { ["alg"] = "none", ["typ"] = "JWT" }, claims, null)));
    }

    [Fact]
    public async Task Garbage_is_401()
    {
        AssertUnauthorized(await ListDomainsAsync("not-a-jwt"));
    }

    [Fact]
    public async Task A_Cognito_access_token_without_aud_is_accepted_by_its_client_id()
    {
        var token = await fixture.TokenAsync(new DevTokenRequest { Groups = [AuthClusterFixture.GlobalAdmin], ClientId = AuthClusterFixture.Audience });
        Assert.Equal(200, (await ListDomainsAsync(token)).Status);

        var other = await fixture.TokenAsync(new DevTokenRequest { Groups = [AuthClusterFixture.GlobalAdmin], ClientId = "another-client" });
        AssertUnauthorized(await ListDomainsAsync(other));
    }

    [Fact]
    public async Task The_dev_issuers_default_audience_is_not_the_production_apis()
    {
        // A token as `./upt token` mints it (aud upt-dev) does not open an API configured for another audience.
        var token = await fixture.TokenAsync(new DevTokenRequest { Groups = [AuthClusterFixture.GlobalAdmin] });
        AssertUnauthorized(await ListDomainsAsync(token));
        Assert.Equal(200, (await ApiRequests.SendAsync(fixture.DevApi, ApiRequests.Request(HttpMethod.Get, "/api/ucp/admin", null), token)).Status);
    }

    private static DevTokenRequest Admin() => new() { Groups = [AuthClusterFixture.GlobalAdmin], Audience = AuthClusterFixture.Audience };

    private Task<ApiAnswer> ListDomainsAsync(string token) =>
        ApiRequests.SendAsync(fixture.Api, ApiRequests.Request(HttpMethod.Get, "/api/ucp/admin", null), token);

    private static void AssertUnauthorized(ApiAnswer answer)
    {
        Assert.True(answer.Status == 401, answer.ToString());
        Assert.Equal("401", answer.ErrorCode);
        Assert.Contains("invalid", answer.ErrorMessage, StringComparison.Ordinal);
    }

    private static string Sign(JsonObject header, JsonObject payload, RSA? key)
    {
        var input = $"{Base64Url(header.ToJsonString())}.{Base64Url(payload.ToJsonString())}";
        var signature = key is null ? "" : Base64Url(key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        return $"{input}.{signature}";
    }

    private static string Base64Url(string text) => Base64Url(Encoding.UTF8.GetBytes(text));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
