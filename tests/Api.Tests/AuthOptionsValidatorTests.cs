using Upt.Api.Auth;

namespace Upt.Api.Tests;

public sealed class AuthOptionsValidatorTests
{
    private static readonly AuthOptionsValidator Validator = new();

    [Fact]
    public void Defaults_are_on_and_need_an_issuer_and_an_audience()
    {
        var options = new AuthOptions();
        Assert.True(options.Enabled);
        Assert.Equal("cognito:groups", options.GroupsClaim);
        Assert.False(options.Development.Enabled);

        var result = Validator.Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("Auth:Authority is required", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Auth:Audience is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Https_issuer_with_audience_is_valid()
    {
        Assert.True(Validator.Validate(null, new AuthOptions { Authority = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC", Audience = "client" }).Succeeded);
    }

    [Fact]
    public void Http_issuer_only_with_RequireHttpsMetadata_false()
    {
        Assert.True(Validator.Validate(null, new AuthOptions { Authority = "http://keycloak:8080/realms/upt", Audience = "upt" }).Failed);
        Assert.True(Validator.Validate(null, new AuthOptions { Authority = "http://keycloak:8080/realms/upt", Audience = "upt", RequireHttpsMetadata = false }).Succeeded);
    }

    [Fact]
    public void Disabled_needs_nothing()
    {
        Assert.True(Validator.Validate(null, new AuthOptions { Enabled = false }).Succeeded);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8089", true)]
    [InlineData("http://localhost:8089", true)]
    [InlineData("http://[::1]:8089", true)]
    [InlineData("http://10.0.0.5:8089", false)]
    [InlineData("http://oidc.upt.svc.cluster.local", false)]
    [InlineData("not a url", false)]
    public void The_dev_issuer_must_be_on_loopback(string authority, bool valid)
    {
        var options = new AuthOptions { Development = new DevelopmentIssuerOptions { Enabled = true, Authority = authority } };
        Assert.Equal(valid, Validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void The_dev_issuer_and_a_real_one_are_exclusive()
    {
        var options = new AuthOptions
        {
            Authority = "https://issuer.example.com",
            Audience = "upt",
            Development = new DevelopmentIssuerOptions { Enabled = true, Authority = "http://127.0.0.1:8089" },
        };
        Assert.True(Validator.Validate(null, options).Failed);
    }
}
