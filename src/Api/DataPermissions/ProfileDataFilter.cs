using System.Text.Json.Nodes;
using Upt.Api.Contracts;
using Upt.DataPermissions;

namespace Upt.Api.DataPermissions;

/// <summary>
/// Applies a caller's <see cref="DataAccess"/> to a traveller view (<see cref="TravellerMapper.ToTraveller"/>): the
/// profile-level fields under the <c>traveller</c> grant, each record list under its record type's grant.
/// </summary>
public static class ProfileDataFilter
{
    private const string ListSuffix = "Records";

    private static readonly Dictionary<string, string> TypeOfList =
        TravellerMapper.RecordLists.ToDictionary(r => r.Value, r => r.Key, StringComparer.Ordinal);

    /// <summary>
    /// The view as the caller may see it, or null when the profile is hidden (no <c>traveller</c> grant, or its
    /// condition does not hold; UPT returned such a profile with every field blank). Takes <paramref name="traveller"/>
    /// apart: use the result only.
    /// </summary>
    public static JsonObject? Apply(DataAccess access, JsonObject traveller)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(traveller);
        if (access.IsAdmin)
        {
            return traveller;
        }

        var lists = traveller.Where(p => p.Value is JsonArray && RecordTypeOf(p.Key) is not null).Select(p => p.Key).ToList();
        var records = lists.Select(key => (Key: key, Items: (JsonArray)traveller[key]!)).ToList();
        foreach (var key in lists)
        {
            traveller.Remove(key);
        }

        if (access.Filter(DataObjects.Traveller, traveller) is not { } shown)
        {
            return null;
        }

        foreach (var (key, items) in records)
        {
            var type = RecordTypeOf(key)!;
            if (!access.CanSee(type))
            {
                continue;
            }

            var visible = new JsonArray();
            foreach (var item in items.OfType<JsonObject>())
            {
                if (access.Filter(type, item) is { } record)
                {
                    visible.Add(record);
                }
            }

            shown[key] = visible;
        }

        return shown;
    }

    /// <summary>
    /// Keeps page <paramref name="page"/> of <paramref name="pageSize"/> of the list <paramref name="key"/> (read whole,
    /// filtered) and returns how many records the caller may see in it; 0 when the list is not shown.
    /// </summary>
    public static long Page(JsonObject traveller, string key, int page, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(traveller);
        if (traveller[key] is not JsonArray list)
        {
            return 0;
        }

        var total = list.Count;
        var kept = list.Skip(page * pageSize).Take(pageSize).Select(r => r?.DeepClone()).ToArray();
        traveller[key] = new JsonArray(kept);
        return total;
    }

    /// <summary>The record type a list of the view holds, or null for profile-level attributes.</summary>
    public static string? RecordTypeOf(string key) =>
        TypeOfList.TryGetValue(key, out var type) ? type
        : key.EndsWith(ListSuffix, StringComparison.Ordinal) && key.Length > ListSuffix.Length ? key[..^ListSuffix.Length]
        : null;
}
