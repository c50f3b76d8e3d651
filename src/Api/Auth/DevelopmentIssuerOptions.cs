namespace Upt.Api.Auth;

/// <summary>
/// The local development issuer (<c>oauth2-mock-server</c>, started by <c>./upt run</c>) mints a token for anyone who
/// asks, so it is trusted only when <see cref="Enabled"/> is set explicitly, and only on a loopback address.
/// </summary>
public sealed class DevelopmentIssuerOptions
{
    /// <summary>Off by default; <c>./upt run</c> turns it on for its own API process.</summary>
    public bool Enabled { get; set; }

    /// <summary>The dev issuer's URL, e.g. <c>http://127.0.0.1:8089</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience the dev issuer puts in its tokens.</summary>
    public string Audience { get; set; } = "upt-dev";
}
