using System.Text.Json.Nodes;

namespace Upt.DataPermissions;

/// <summary>
/// What a caller may see in one domain: the union of the permissions of every group that applies (UPT kept only the
/// last group's). A record (or the profile-level fields) is shown when one grant of its object shows it; it then
/// carries the fields that any grant showing it allows, and other fields are left out (UPT zeroed them).
/// </summary>
public sealed class DataAccess
{
    private readonly Dictionary<string, List<ObjectGrant>> _grants;

    private DataAccess(bool admin, Dictionary<string, List<ObjectGrant>> grants)
    {
        IsAdmin = admin;
        _grants = grants;
    }

    /// <summary>Everything (a <c>*/*</c> grant, or authentication turned off).</summary>
    public static DataAccess Admin { get; } = new(true, []);

    /// <summary>Nothing.</summary>
    public static DataAccess None { get; } = new(false, []);

    /// <summary>True when one of the permissions is <c>*/*</c>: everything, and merge, unmerge and delete.</summary>
    public bool IsAdmin { get; }

    /// <summary>The union of <paramref name="permissions"/>.</summary>
    public static DataAccess Union(IEnumerable<DataPermission> permissions)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        var grants = new Dictionary<string, List<ObjectGrant>>(StringComparer.Ordinal);
        foreach (var permission in permissions)
        {
            if (permission.IsAdmin)
            {
                return Admin;
            }

            foreach (var grant in permission.Grants)
            {
                if (!grants.TryGetValue(grant.CanonicalObject, out var list))
                {
                    grants[grant.CanonicalObject] = list = [];
                }

                list.Add(grant);
            }
        }

        return grants.Count == 0 ? None : new DataAccess(false, grants);
    }

    /// <summary>True when some records (or, for <see cref="DataObjects.Traveller"/>, profiles) of <paramref name="objectName"/> may be shown.</summary>
    public bool CanSee(string objectName) => IsAdmin || _grants.ContainsKey(DataObjects.Canonical(objectName));

    /// <summary>True when only records meeting a condition are shown: counts and pages must then be taken after filtering.</summary>
    public bool RestrictsRows(string objectName) =>
        !IsAdmin && (!_grants.TryGetValue(DataObjects.Canonical(objectName), out var grants) || grants.All(g => g.Condition is not null));

    /// <summary>
    /// <paramref name="data"/> as the caller may see it: the same object for an admin, null when no grant shows it,
    /// else a copy with only the allowed attributes.
    /// </summary>
    public JsonObject? Filter(string objectName, JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (IsAdmin)
        {
            return data;
        }

        if (!_grants.TryGetValue(DataObjects.Canonical(objectName), out var grants))
        {
            return null;
        }

        var showing = grants.Where(g => g.Shows(data)).ToList();
        if (showing.Count == 0)
        {
            return null;
        }

        var result = new JsonObject();
        foreach (var (key, value) in data)
        {
            if (showing.Any(g => g.Fields.Allows(key)))
            {
                result[key] = value?.DeepClone();
            }
        }

        return result;
    }
}
