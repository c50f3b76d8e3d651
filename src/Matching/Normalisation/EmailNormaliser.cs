namespace Upt.Matching.Normalisation;

/// <summary>Normalises email addresses so that the same mailbox compares equal.</summary>
public static class EmailNormaliser
{
    /// <summary>
    /// Trimmed and lower-cased; empty when not of the form local@domain. Provider rules are applied only where the
    /// provider documents them: Gmail ignores dots in the local part and delivers plus-tags to the base mailbox;
    /// Outlook/Hotmail/Live deliver plus-tags. Elsewhere dots and tags may be significant, so they are kept.
    /// </summary>
    public static string Normalise(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }

        var email = value.Trim().ToLowerInvariant();
        var at = email.IndexOf('@');
        if (at <= 0 || at != email.LastIndexOf('@') || at == email.Length - 1 || email.Contains(' '))
        {
            return "";
        }

        var local = email[..at];
        var domain = email[(at + 1)..];
        switch (domain)
        {
            case "gmail.com" or "googlemail.com":
                local = StripTag(local).Replace(".", "", StringComparison.Ordinal);
                domain = "gmail.com";
                break;
            case "outlook.com" or "hotmail.com" or "live.com":
                local = StripTag(local);
                break;
        }

        return local.Length == 0 ? "" : local + "@" + domain;
    }

    /// <summary>The local part of a normalised email (before the @), or empty.</summary>
    public static string LocalPart(string normalised)
    {
        var at = normalised.IndexOf('@');
        return at > 0 ? normalised[..at] : "";
    }

    private static string StripTag(string local)
    {
        var plus = local.IndexOf('+');
        return plus >= 0 ? local[..plus] : local;
    }
}
