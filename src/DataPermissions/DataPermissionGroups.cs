namespace Upt.DataPermissions;

/// <summary>
/// UPT's data groups: the permission of a domain comes from groups named <c>ucp-{domain}-admin</c> or
/// <c>ucp-{domain}-admin-{suffix}</c>. The domain must match exactly: UPT's prefix test let <c>ucp-foo_bar-admin</c>
/// (and <c>ucp-foo-administrators</c>) apply in <c>foo</c>.
/// </summary>
public static class DataPermissionGroups
{
    /// <summary>The group every domain starts with, holding <c>*/*</c>.</summary>
    public static string Default(string domain) => $"ucp-{domain}-admin";

    /// <summary>True when <paramref name="group"/> holds a data permission for <paramref name="domain"/>.</summary>
    public static bool AppliesTo(string group, string domain)
    {
        ArgumentNullException.ThrowIfNull(group);
        var name = Default(domain);
        return group == name || (group.Length > name.Length + 1 && group.StartsWith(name + "-", StringComparison.Ordinal));
    }

    /// <summary>Why <paramref name="group"/> cannot hold a permission of <paramref name="domain"/>, or null when it can.</summary>
    public static string? NameError(string? group, string domain)
    {
        var name = Default(domain);
        if (string.IsNullOrEmpty(group) || !AppliesTo(group, domain))
        {
            return $"group must be {name} or {name}-<suffix>";
        }

        if (group.Length > 128 || group[name.Length..].Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            return "group suffix may hold only letters, digits, '-' and '_' (128 characters at most)";
        }

        return null;
    }
}
