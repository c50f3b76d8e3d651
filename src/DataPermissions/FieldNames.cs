using System.Text;
using System.Text.Json.Nodes;

namespace Upt.DataPermissions;

/// <summary>
/// How a field name of a grant finds an attribute of the API's JSON. Names are case-sensitive; a camelCase name also
/// finds its snake_case twin and back (<c>hotelCode</c> ↔ <c>hotel_code</c>), because UPT's grants use its Go models'
/// camelCase names while Upt's records carry the flat record columns. <c>BirthDate</c> finds nothing: a name must
/// start lower-case to have a twin.
/// </summary>
public static class FieldNames
{
    /// <summary>True when the grant's <paramref name="name"/> designates the attribute <paramref name="key"/>.</summary>
    public static bool Same(string name, string key)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(key);
        return name == key || SnakeCase(name) == key || SnakeCase(key) == name;
    }

    /// <summary>
    /// The value at <paramref name="path"/> (dot-separated for nested objects: <c>homeAddress.Country</c>), or null
    /// when an attribute is missing or a step is not an object.
    /// </summary>
    public static JsonNode? Find(JsonObject data, string path)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(path);
        JsonNode? node = data;
        foreach (var step in path.Split('.'))
        {
            if (node is not JsonObject obj)
            {
                return null;
            }

            node = Attribute(obj, step);
        }

        return node;
    }

    /// <summary>The snake_case twin of a camelCase name (<c>accpObjectID</c> → <c>accp_object_id</c>), or null when it has none.</summary>
    public static string? SnakeCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || !char.IsAsciiLetterLower(name[0]) || !name.Any(char.IsAsciiLetterUpper))
        {
            return null;
        }

        var snake = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsAsciiLetterUpper(c))
            {
                var previous = name[i - 1];
                var startsWord = !char.IsAsciiLetterUpper(previous) || (i + 1 < name.Length && char.IsAsciiLetterLower(name[i + 1]));
                if (startsWord && previous != '_')
                {
                    snake.Append('_');
                }

                snake.Append(char.ToLowerInvariant(c));
            }
            else
            {
                snake.Append(c);
            }
        }

        return snake.ToString();
    }

    private static JsonNode? Attribute(JsonObject obj, string name)
    {
        if (obj.TryGetPropertyValue(name, out var value))
        {
            return value;
        }

        foreach (var (key, candidate) in obj)
        {
            if (Same(name, key))
            {
                return candidate;
            }
        }

        return null;
    }
}
