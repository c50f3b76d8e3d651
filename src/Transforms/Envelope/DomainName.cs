using System.Text.RegularExpressions;

namespace Upt.Transforms.Envelope;

/// <summary>UPT domain-name rule: 3–26 characters, lower snake case.</summary>
public static partial class DomainName
{
    /// <summary>Minimum length.</summary>
    public const int MinLength = 3;

    /// <summary>Maximum length.</summary>
    public const int MaxLength = 26;

    /// <summary>The reason <paramref name="domain"/> is invalid, or null when it is valid.</summary>
    public static string? Validate(string? domain)
    {
        if (domain is null || domain.Length < MinLength || domain.Length > MaxLength)
        {
            return "Domain name length should be between 3 and 26 chars";
        }

        // UPT's text says "63"; the enforced limit is 26, so the message says 26 (otherwise unchanged).
        return SnakeCase().IsMatch(domain) ? null : "Invalid domain name (must be snake case between 3 and 26 chars)";
    }

    [GeneratedRegex("^[a-z0-9]+(_[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SnakeCase();
}
