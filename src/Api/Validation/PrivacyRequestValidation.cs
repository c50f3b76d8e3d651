using System.Text.Json;

namespace Upt.Api.Validation;

/// <summary>
/// UPT's checks on privacy requests, with UPT's messages (<c>[UseCase] ...</c>): at least one connect id, each a UUID.
/// Upt also caps a request at <see cref="MaxConnectIds"/> ids and checks the ids of purges and deletes, which UPT does not.
/// Ids come back in Upt's form (lower-case 36-character UUID), without duplicates, in request order.
/// </summary>
public static class PrivacyRequestValidation
{
    /// <summary>The most connect ids one request may name.</summary>
    public const int MaxConnectIds = 100;

    /// <summary>UPT's name of the search use case, in its messages.</summary>
    public const string SearchName = "SearchData";

    /// <summary>UPT's name of the purge use case, in its messages.</summary>
    public const string PurgeName = "PurgePrivacyData";

    /// <summary>UPT's name of the delete use case, in its messages.</summary>
    public const string DeleteName = "DeletePrivacySearch";

    private const int MaxShownLength = 64;

    /// <summary>
    /// The connect ids of <c>privacySearchRq</c> (<c>[{"connectId": ...}]</c>); null with the problem when the request is invalid.
    /// </summary>
    public static IReadOnlyList<string>? SearchIds(JsonElement root, out string? error) =>
        Check(SearchName, Items(Property(root, "privacySearchRq"), item => item.ValueKind == JsonValueKind.Object && item.TryGetProperty("connectId", out var id) ? id : null),
            $"[{SearchName}] no connect ids found in request", out error);

    /// <summary>The connect ids of <c>createPrivacyPurgeRq.connectIds</c>; null with the problem when the request is invalid.</summary>
    public static IReadOnlyList<string>? PurgeIds(JsonElement root, out string? error) =>
        Check(PurgeName, Items(Property(Property(root, "createPrivacyPurgeRq"), "connectIds"), item => item),
            $"[{PurgeName}] no connect ids found in request", out error);

    /// <summary>The connect ids of a delete's body, a bare JSON array (null when the body was empty); null with the problem when invalid.</summary>
    public static IReadOnlyList<string>? DeleteIds(JsonElement? root, out string? error)
    {
        if (root is { } array && array.ValueKind != JsonValueKind.Array)
        {
            error = "error parsing connect ids";
            return null;
        }

        return Check(DeleteName, root is { } a ? Items(a, item => item) : [], $"[{DeleteName}] a connect id is required", out error);
    }

    /// <summary>A connect id in a path: null when it is a UUID (then <paramref name="normalised"/> is Upt's form), else UPT's message.</summary>
    public static string? ConnectIdError(string? value, out string normalised)
    {
        normalised = "";
        if (!Guid.TryParse(value, out var id) || value.Length is not (32 or 36))
        {
            return "invalid Connect ID format";
        }

        normalised = id.ToString("D");
        return null;
    }

    private static IReadOnlyList<string>? Check(string name, IReadOnlyList<JsonElement?>? items, string empty, out string? error)
    {
        error = null;
        if (items is null || items.Count == 0)
        {
            error = empty;
            return null;
        }

        if (items.Count > MaxConnectIds)
        {
            error = $"[{name}] at most {MaxConnectIds} connect ids per request, got {items.Count}";
            return null;
        }

        var ids = new List<string>(items.Count);
        foreach (var item in items)
        {
            var text = item is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;
            if (ConnectIdError(text, out var id) is not null)
            {
                error = $"[{name}] invalid connect ID {Shown(item)} found";
                return null;
            }

            if (!ids.Contains(id, StringComparer.Ordinal))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    private static JsonElement? Property(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var value) ? value : null;

    /// <summary>The array's items mapped by <paramref name="select"/>; null when <paramref name="array"/> is not an array.</summary>
    private static IReadOnlyList<JsonElement?>? Items(JsonElement? array, Func<JsonElement, JsonElement?> select) =>
        array is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray().Select(select).ToList() : null;

    // The invalid value as sent, cut short: a message must not echo a whole oversized body.
    private static string Shown(JsonElement? item)
    {
        var text = item is { ValueKind: JsonValueKind.String } s ? s.GetString() ?? "" : item?.GetRawText() ?? "null";
        return text.Length <= MaxShownLength ? text : text[..MaxShownLength] + "...";
    }
}
