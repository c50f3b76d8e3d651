using Upt.Storage;

namespace Upt.Grains.Profiles;

/// <summary>
/// Which lookup entries a profile carries, normalised so that searches match however the source
/// wrote the value (UPT matched exactly and case-sensitively; see docs/upt-divergences.md).
/// </summary>
public static class LookupValues
{
    private static readonly string[] EmailFields = ["PersonalEmailAddress", "BusinessEmailAddress", "EmailAddress"];
    private static readonly string[] PhoneFields = ["PhoneNumber", "MobilePhoneNumber", "HomePhoneNumber", "BusinessPhoneNumber"];

    /// <summary>The lookup entries of a profile state.</summary>
    public static HashSet<LookupRow> Of(ProfileState state)
    {
        var rows = new HashSet<LookupRow>();
        foreach (var f in EmailFields)
        {
            if (state.Fields.TryGetValue(f, out var v) && NormaliseEmail(v.Value) is { } email)
            {
                rows.Add(new LookupRow(IdentifierKinds.Email, email));
            }
        }

        foreach (var f in PhoneFields)
        {
            if (state.Fields.TryGetValue(f, out var v) && NormalisePhone(v.Value) is { } phone)
            {
                rows.Add(new LookupRow(IdentifierKinds.Phone, phone));
            }
        }

        if (state.Fields.TryGetValue("LastName", out var last) && NormaliseName(last.Value) is { } name)
        {
            rows.Add(new LookupRow(IdentifierKinds.LastName, name));
        }

        if (state.Fields.TryGetValue("Attributes.loyalty_id", out var loyalty) && NormaliseId(loyalty.Value) is { } lid)
        {
            rows.Add(new LookupRow(IdentifierKinds.Loyalty, lid));
        }

        foreach (var id in state.LoyaltyIds)
        {
            rows.Add(new LookupRow(IdentifierKinds.Loyalty, id));
        }

        return rows;
    }

    /// <summary>Normalises a search value of a kind; null when it cannot match anything.</summary>
    public static string? Normalise(string kind, string value) => kind switch
    {
        IdentifierKinds.Email => NormaliseEmail(value),
        IdentifierKinds.Phone => NormalisePhone(value),
        IdentifierKinds.LastName => NormaliseName(value),
        IdentifierKinds.Loyalty => NormaliseId(value),
        _ => NormaliseId(value),
    };

    public static string? NormaliseEmail(string value)
    {
        var v = value.Trim().ToLowerInvariant();
        return v.Length is > 2 and <= 255 && v.Contains('@') ? v : null;
    }

    public static string? NormalisePhone(string value)
    {
        var digits = new System.Text.StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
        }

        if (digits.Length is < 4 or > 20)
        {
            return null;
        }

        return value.TrimStart().StartsWith('+') ? "+" + digits : digits.ToString();
    }

    public static string? NormaliseName(string value)
    {
        var v = value.Trim().ToLowerInvariant();
        return v.Length is > 0 and <= 255 ? v : null;
    }

    public static string? NormaliseId(string value)
    {
        var v = value.Trim();
        return v.Length is > 0 and <= 255 ? v : null;
    }
}
