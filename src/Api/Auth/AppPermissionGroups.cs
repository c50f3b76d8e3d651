using System.Globalization;
using System.Security.Claims;
using System.Text.Json;

namespace Upt.Api.Auth;

/// <summary>
/// Reads UPT's application-permission group names: <c>app-global-{role}/{hex}</c> applies to every domain,
/// <c>app-{domain}-{role}/{hex}</c> to that domain only. The caller's mask is the union (bitwise OR) of every group
/// that applies. Unlike UPT, the domain must match exactly: UPT's prefix test let <c>app-foo_bar-*</c> grant in
/// <c>foo</c> and <c>app-global_x-*</c> grant everywhere.
/// </summary>
public static class AppPermissionGroups
{
    private const string Prefix = "app-";
    private const string GlobalScope = "global";

    /// <summary>The union of the masks of the groups that apply to <paramref name="domain"/> (null: global groups only).</summary>
    public static AppPermission MaskFor(IEnumerable<string> groups, string? domain)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var mask = AppPermission.Public;
        foreach (var group in groups)
        {
            if (TryParse(group, out var scope, out var bits) && (scope == GlobalScope || (domain is not null && scope == domain)))
            {
                mask |= bits;
            }
        }

        return mask;
    }

    /// <summary>
    /// Splits <c>app-{scope}-{role}/{hex}</c>. Domain names are lower snake case, so the scope ends at the first '-';
    /// anything malformed (no role, several '/', a mask that is not 1–8 hex digits) grants nothing.
    /// </summary>
    public static bool TryParse(string group, out string scope, out AppPermission bits)
    {
        scope = "";
        bits = AppPermission.Public;
        if (group is null || !group.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var slash = group.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || group.IndexOf('/', slash + 1) >= 0)
        {
            return false;
        }

        var name = group.AsSpan(Prefix.Length, slash - Prefix.Length);
        var dash = name.IndexOf('-');
        if (dash <= 0 || dash == name.Length - 1)
        {
            return false;
        }

        var hex = group.AsSpan(slash + 1);
        if (hex.Length is < 1 or > 8 || !uint.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        scope = name[..dash].ToString();
        bits = (AppPermission)value;
        return true;
    }

    /// <summary>
    /// The group names in <paramref name="claimType"/> claims. Issuers send them as a JSON array (one claim per
    /// element once parsed), as repeated claims, or as one string holding a JSON array; all three are read.
    /// </summary>
    public static IReadOnlyList<string> GroupsOf(ClaimsPrincipal user, string claimType)
    {
        ArgumentNullException.ThrowIfNull(user);
        var groups = new List<string>();
        foreach (var claim in user.FindAll(claimType))
        {
            var value = claim.Value.Trim();
            if (value.StartsWith('[') && TryReadJsonArray(value, groups))
            {
                continue;
            }

            groups.Add(value);
        }

        return groups;
    }

    private static bool TryReadJsonArray(string value, List<string> groups)
    {
        try
        {
            var items = JsonSerializer.Deserialize<string[]>(value);
            if (items is null)
            {
                return false;
            }

            groups.AddRange(items.Where(i => i is not null));
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
