namespace Upt.DevInfra;

/// <summary>What to put in a token from the local dev issuer (<see cref="LocalOidcIssuer"/>); null means the issuer's default.</summary>
public sealed record DevTokenRequest
{
    /// <summary>Group names, e.g. <c>app-global-adminRole/ffffffff</c>, sent as the <c>cognito:groups</c> claim.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>The audience; null: the dev issuer's default (<see cref="LocalOidcIssuer.DefaultAudience"/>), unless <see cref="ClientId"/> is set.</summary>
    public string? Audience { get; init; }

    /// <summary>A <c>client_id</c> claim; with no <see cref="Audience"/>, the token has no <c>aud</c> (the shape of a Cognito access token).</summary>
    public string? ClientId { get; init; }

    /// <summary>The subject; null: <c>dev-user</c>.</summary>
    public string? Subject { get; init; }

    /// <summary>Lifetime; negative gives a token that expired that long ago. Null: one hour.</summary>
    public TimeSpan? ExpiresIn { get; init; }

    /// <summary>An issuer claim other than the dev issuer's own (for tests of tokens the API must refuse).</summary>
    public string? Issuer { get; init; }

    /// <summary>Groups as one string holding a JSON array instead of a JSON array claim (some issuers do that).</summary>
    public bool GroupsAsJsonString { get; init; }
}
