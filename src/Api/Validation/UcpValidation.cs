using System.Text.RegularExpressions;

namespace Upt.Api.Validation;

/// <summary>UPT's input rules for domains, transaction ids and search values.</summary>
public static partial class UcpValidation
{
    /// <summary>Domain names: lower snake case, 3–26 characters (Postgres identifier limits in UPT).</summary>
    public static string? DomainError(string? domain) => domain switch
    {
        null or "" => "customer-profiles-domain header is required",
        { Length: < 3 or > 26 } => "Domain name length should be between 3 and 26 chars",
        _ when !DomainPattern().IsMatch(domain) => "Invalid domain name (must be snake case between 3 and 26 chars)",
        // app-global-* groups apply to every domain, so a domain named "global" would make its own groups global.
        "global" => "Domain name 'global' is reserved",
        _ => null,
    };

    /// <summary>Search and path values: at most 255 characters, none of <c>\ / { } &lt; &gt; ^ =</c> nor control characters.</summary>
    public static string? ValueError(string name, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > 255)
        {
            return $"{name} exceeds the maximum length of 255";
        }

        foreach (var c in value)
        {
            if (c is '\\' or '/' or '{' or '}' or '<' or '>' or '^' or '=' || char.IsControl(c))
            {
                return $"{name} contains invalid characters";
            }
        }

        return null;
    }

    [GeneratedRegex("^[a-z0-9]+(_[a-z0-9]+)*$")]
    private static partial Regex DomainPattern();
}
