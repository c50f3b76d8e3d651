using System.Security.Claims;

namespace Upt.Api.Auth;

/// <summary>The caller's identity as recorded with what it changes (merge history's operator).</summary>
public static class CallerSubject
{
    /// <summary>
    /// The token's <c>sub</c> (claim names are kept as issued), or null without a token (authentication disabled).
    /// It wins over an operator named in a body, as UPT does for purges: a caller cannot act in someone else's name.
    /// </summary>
    public static string? Of(ClaimsPrincipal user) =>
        user?.FindFirst("sub")?.Value is { Length: > 0 } subject ? subject : null;
}
