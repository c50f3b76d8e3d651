using System.Globalization;
using System.Text.Json;

namespace Upt.Transforms.Common;

/// <summary>
/// Reads business-object fields with UPT's lenient defaults (missing → empty) but turns the shapes that crash
/// UPT's Python (null list, null object, wrong container type) into clear <see cref="TransformException"/>s.
/// </summary>
internal static class Json
{
    public static string KindName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "list",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "nothing",
    };

    /// <summary>The property, or an undefined element when absent or when <paramref name="obj"/> is not an object.</summary>
    public static JsonElement Get(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) ? value : default;

    public static bool Has(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out _);

    /// <summary>A child object; absent is an empty object, anything else but an object is an error.</summary>
    public static JsonElement Object(JsonElement obj, string name)
    {
        var value = Get(obj, name);
        return value.ValueKind switch
        {
            JsonValueKind.Object or JsonValueKind.Undefined => value,
            _ => throw new TransformException($"{name} must be an object, got {KindName(value)}"),
        };
    }

    /// <summary>A child list; absent is empty, anything else but a list is an error (UPT: 'NoneType' object is not iterable).</summary>
    public static JsonElement.ArrayEnumerator List(JsonElement obj, string name)
    {
        var value = Get(obj, name);
        return value.ValueKind switch
        {
            JsonValueKind.Array => value.EnumerateArray(),
            JsonValueKind.Undefined => default,
            _ => throw new TransformException($"{name} must be a list, got {KindName(value)}"),
        };
    }

    public static int Count(JsonElement obj, string name)
    {
        var value = Get(obj, name);
        return value.ValueKind switch
        {
            JsonValueKind.Array => value.GetArrayLength(),
            JsonValueKind.Undefined => 0,
            _ => throw new TransformException($"{name} must be a list, got {KindName(value)}"),
        };
    }

    /// <summary>A list item that must be an object.</summary>
    public static JsonElement Item(JsonElement item, string listName) =>
        item.ValueKind == JsonValueKind.Object
            ? item
            : throw new TransformException($"{listName} items must be objects, got {KindName(item)}");

    /// <summary>A validated string field; JSON null stays null (UPT emits null), absent is "".</summary>
    public static string? Str(JsonElement obj, string name, StringKind kind = StringKind.SingleLine, int maxLength = FieldRules.MaxFieldLength)
    {
        var text = PyText.Scalar(Get(obj, name), name);
        return text is null ? null : FieldRules.Validate(text, kind, maxLength);
    }

    /// <summary>A validated string field where null also becomes "" (used for ids and keys).</summary>
    public static string Text(JsonElement obj, string name) => Str(obj, name) ?? string.Empty;

    /// <summary><c>obj[name].code</c>-style nested string (state, country, language...).</summary>
    public static string? Nested(JsonElement obj, string name, string inner) => Str(Object(obj, name), inner);

    /// <summary>UPT's "parse or 0.0" float.</summary>
    public static double Float(JsonElement obj, string name) => ToFloat(Get(obj, name));

    public static double ToFloat(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                return Finite(value.GetDouble());
            case JsonValueKind.True:
                return 1.0;
            case JsonValueKind.String:
                var s = value.GetString()!.Trim();
                return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? Finite(d) : 0.0;
            default:
                return 0.0;
        }
    }

    /// <summary>UPT's "parse or 0" int (pax loyalty <c>expire_in_days</c>).</summary>
    public static long Int(JsonElement obj, string name)
    {
        var value = Get(obj, name);
        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var l) => l,
            JsonValueKind.Number => (long)Math.Truncate(Finite(value.GetDouble())),
            JsonValueKind.String when long.TryParse(value.GetString()!.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
            JsonValueKind.True => 1,
            _ => 0,
        };
    }

    /// <summary>
    /// Boolean coercion. UPT's parse_bool treats the string "false" as true (§9 B1); here "false" is false.
    /// </summary>
    public static bool Bool(JsonElement obj, string name) => ToBool(Get(obj, name));

    public static bool ToBool(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.String => string.Equals(value.GetString(), "true", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>Python truthiness, for <c>primary</c> flags and <c>extendedData</c>.</summary>
    public static bool Truthy(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.String => value.GetString()!.Length > 0,
        JsonValueKind.Number => value.GetDouble() != 0,
        JsonValueKind.Object => value.EnumerateObject().Any(),
        JsonValueKind.Array => value.GetArrayLength() > 0,
        _ => false,
    };

    /// <summary>A detached copy of a JSON value (records must not point into the caller's document).</summary>
    public static System.Text.Json.Nodes.JsonNode? ToNode(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => Finite(value.GetDouble()),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => System.Text.Json.Nodes.JsonNode.Parse(value.GetRawText()),
    };

    // NaN/Infinity cannot be written as JSON (UPT emits them and the Go stage then drops the record): treat as garbage → 0.
    private static double Finite(double d) => double.IsFinite(d) ? d : 0.0;
}
