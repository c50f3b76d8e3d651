namespace Upt.Api.Auth;

/// <summary>
/// Who may call the API: JWT bearer tokens of one OpenID Connect issuer (Cognito, Keycloak, Entra ID, ...), found
/// through its discovery document and JWKS. Section <c>Auth</c>; validated at start-up by <see cref="AuthOptionsValidator"/>.
/// </summary>
public sealed class AuthOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Auth";

    /// <summary>
    /// On unless configuration turns it off. Off means every caller is treated as a global admin: for local tests
    /// only (the start-up log says so loudly).
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The issuer URL (<c>{Authority}/.well-known/openid-configuration</c> is read), e.g. <c>https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>
    /// The API's audience: the token's <c>aud</c> must contain it, or, for tokens without <c>aud</c> (Cognito access
    /// tokens), its <c>client_id</c> must equal it.
    /// </summary>
    public string? Audience { get; set; }

    /// <summary>The claim holding the caller's group names (a JSON array, repeated claims, or a JSON array in a string).</summary>
    public string GroupsClaim { get; set; } = "cognito:groups";

    /// <summary>False allows an <c>http://</c> authority; for a local issuer only.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Trust the local development issuer that <c>./upt run</c> starts (instead of <see cref="Authority"/>).</summary>
    public DevelopmentIssuerOptions Development { get; set; } = new();
}
