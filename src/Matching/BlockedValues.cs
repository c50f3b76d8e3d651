namespace Upt.Matching;

/// <summary>
/// Placeholder values that sources write when they have no real value. They must never produce blocking keys or
/// count as agreement, or every "unknown" traveller would collapse into one profile (SPEC §3, over-merging guard).
/// </summary>
public sealed class BlockedValues
{
    /// <summary>Placeholders of any kind (compared trimmed and case-insensitively).</summary>
    public static readonly IReadOnlyList<string> DefaultPlaceholders =
    [
        "null", "none", "n/a", "na", "nil", "undefined", "unknown", "anonymous", "-1", "0", "test", "xxx", "tba", "tbc",
        "not provided", "not available", "no name", "noname", "guest", "-", ".", "?",
    ];

    /// <summary>Email local parts that are placeholders whatever the domain.</summary>
    public static readonly IReadOnlyList<string> DefaultEmailLocalParts =
    [
        "test", "none", "no", "noemail", "nomail", "noreply", "no-reply", "donotreply", "null", "unknown", "na", "email", "anonymous",
    ];

    /// <summary>Domains that cannot hold a real traveller's mailbox (RFC 2606 reserved names and common fakes).</summary>
    public static readonly IReadOnlyList<string> DefaultEmailDomains =
    [
        "example.com", "example.org", "example.net", "test.com", "invalid", "localhost", "none.com", "noemail.com", "email.com",
    ];

    /// <summary>Birth dates that are system defaults rather than birthdays (yyyymmdd).</summary>
    public static readonly IReadOnlyList<string> DefaultDates = ["19000101", "00010101", "18991231", "99991231", "19010101"];

    private readonly HashSet<string> _placeholders;
    private readonly HashSet<string> _emailLocalParts;
    private readonly HashSet<string> _emailDomains;
    private readonly HashSet<string> _dates;

    /// <summary>A guard with the given lists (each compared case-insensitively).</summary>
    public BlockedValues(IEnumerable<string> placeholders, IEnumerable<string> emailLocalParts, IEnumerable<string> emailDomains, IEnumerable<string> dates)
    {
        _placeholders = new HashSet<string>(placeholders.Select(Key), StringComparer.Ordinal);
        _emailLocalParts = new HashSet<string>(emailLocalParts.Select(Key), StringComparer.Ordinal);
        _emailDomains = new HashSet<string>(emailDomains.Select(Key), StringComparer.Ordinal);
        _dates = new HashSet<string>(dates.Select(Key), StringComparer.Ordinal);
    }

    /// <summary>The default lists.</summary>
    public static BlockedValues Default { get; } = new(DefaultPlaceholders, DefaultEmailLocalParts, DefaultEmailDomains, DefaultDates);

    /// <summary>True when <paramref name="value"/> is a placeholder under the default lists.</summary>
    public static bool IsBlocked(BlockedValueKind kind, string? value) => Default.Blocks(kind, value);

    /// <summary>True when <paramref name="value"/> is empty or a placeholder of <paramref name="kind"/>.</summary>
    public bool Blocks(BlockedValueKind kind, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        var key = Key(value);
        if (_placeholders.Contains(key))
        {
            return true;
        }

        return kind switch
        {
            BlockedValueKind.Email => BlocksEmail(key),
            BlockedValueKind.Phone or BlockedValueKind.Identifier => IsRepetitive(key),
            BlockedValueKind.Date => _dates.Contains(new string(key.Where(char.IsAsciiDigit).ToArray())),
            // All-zero postcodes and street numbers are fillers; other repeated digits can be real (postcode 2222).
            BlockedValueKind.Address => key.Length >= 2 && key.All(c => c == '0'),
            BlockedValueKind.Name => false,
            _ => false,
        };
    }

    private bool BlocksEmail(string email)
    {
        var at = email.IndexOf('@');
        if (at < 0)
        {
            return true;
        }

        var local = email[..at];
        var domain = email[(at + 1)..];
        return _emailLocalParts.Contains(local) || _emailDomains.Contains(domain) || domain.StartsWith("test.", StringComparison.Ordinal);
    }

    // All-same characters (0000000, 1111111) and straight runs (1234567, 9876543) are keyboard fillers, not ids.
    private static bool IsRepetitive(string value)
    {
        Span<char> chars = stackalloc char[Math.Min(value.Length, 64)];
        var n = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiLetterOrDigit(c) && n < chars.Length)
            {
                chars[n++] = c;
            }
        }

        if (n == 0)
        {
            return true;
        }

        bool same = true, up = true, down = true;
        for (var i = 1; i < n; i++)
        {
            same &= chars[i] == chars[0];
            up &= chars[i] == chars[i - 1] + 1;
            down &= chars[i] == chars[i - 1] - 1;
        }

        return same || (n >= 5 && (up || down));
    }

    private static string Key(string value) => value.Trim().ToLowerInvariant();
}
