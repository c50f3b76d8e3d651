using Upt.DevInfra;
using Xunit;

namespace Upt.TestSupport;

/// <summary>
/// One local OpenID Connect issuer (oauth2-mock-server from npm, <see cref="LocalOidcIssuer"/>) per fixture: discovery,
/// JWKS and RS256 tokens carrying whatever groups, audience, lifetime or issuer a test asks for.
/// </summary>
public sealed class OidcIssuerFixture : IAsyncLifetime
{
    private LocalOidcIssuer? _issuer;

    /// <summary>The running issuer.</summary>
    public LocalOidcIssuer Issuer => _issuer ?? throw new InvalidOperationException("Issuer not started");

    /// <summary>The issuer URL (the API's <c>Auth:Authority</c>).</summary>
    public Uri Authority => Issuer.Authority;

    /// <summary>A token for <paramref name="request"/>.</summary>
    public Task<string> TokenAsync(DevTokenRequest request, CancellationToken cancellationToken = default) =>
        Issuer.RequestTokenAsync(request, cancellationToken);

    public async ValueTask InitializeAsync() => _issuer = await LocalOidcIssuer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_issuer is not null)
        {
            await _issuer.DisposeAsync();
        }
    }
}
