using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Upt.Api.Summaries;

/// <summary>Reading a traveller view for prose: values as trimmed text ("" when absent), record lists, phrase joins.</summary>
internal static class ProfileText
{
    /// <summary>The value of <paramref name="key"/> as text: strings trimmed, numbers invariant, anything else "".</summary>
    public static string Of(JsonNode? node, string key) => node is JsonObject o ? Value(o[key]) : "";

    /// <summary>A scalar as text ("" for null, objects and arrays); numbers as they were written.</summary>
    public static string Value(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return "";
        }

        if (value.TryGetValue<string>(out var text))
        {
            return text.Trim();
        }

        // Parsed values hold a JsonElement, built ones a CLR value (a DateTimeOffset, a double): their JSON says both alike.
        using var json = JsonDocument.Parse(value.ToJsonString());
        var element = json.RootElement;
        return element.ValueKind switch
        {
            JsonValueKind.String => element.GetString()!.Trim(),
            JsonValueKind.Number => element.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => "",
        };
    }

    /// <summary>The records of list <paramref name="key"/> (empty when the list is absent, e.g. filtered out).</summary>
    public static IReadOnlyList<JsonObject> Records(JsonObject profile, string key) =>
        profile[key] is JsonArray list ? list.OfType<JsonObject>().ToList() : [];

    /// <summary>How many distinct non-empty values of <paramref name="field"/> the records hold; the record count when none has one.</summary>
    public static int Distinct(IReadOnlyList<JsonObject> records, string field)
    {
        var values = records.Select(r => Of(r, field)).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).Count();
        return values > 0 ? values : records.Count;
    }

    /// <summary>The record with the greatest <paramref name="field"/> (ordinal, so ISO dates order by time), ties by object id.</summary>
    public static JsonObject? Latest(IReadOnlyList<JsonObject> records, string field) => records
        .OrderByDescending(r => Of(r, field), StringComparer.Ordinal)
        .ThenBy(r => Of(r, "accpObjectID"), StringComparer.Ordinal)
        .FirstOrDefault();

    /// <summary>"1 booking" / "2 bookings".</summary>
    public static string Count(int n, string one, string many) => string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? one : many)}");

    /// <summary>The non-empty parts joined by <paramref name="separator"/>.</summary>
    public static string Join(string separator, params string[] parts) => string.Join(separator, parts.Where(p => p.Length > 0));

    /// <summary><paramref name="text"/> with its first letter upper case.</summary>
    public static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
