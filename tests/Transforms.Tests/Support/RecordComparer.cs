using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Upt.Transforms.Tests.Support;

/// <summary>
/// Compares transform output with UPT expectations per upt-transform §7.2: exact key sets, ordered lists, exact
/// strings/bools, numbers as doubles, and base64 fields (<c>extended_data</c>, <c>conversation</c>) decoded first.
/// </summary>
internal static class RecordComparer
{
    public static IReadOnlyList<string> Differences(JsonNode? expected, JsonNode? actual)
    {
        var diffs = new List<string>();
        Compare(expected, actual, "$", diffs);
        return diffs;
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, List<string> diffs)
    {
        if (diffs.Count > 50)
        {
            return;
        }

        switch (expected)
        {
            case null:
                if (actual is not null)
                {
                    diffs.Add($"{path}: expected null, got {actual.ToJsonString()}");
                }

                return;
            case JsonObject eo when actual is JsonObject ao:
                foreach (var (key, value) in eo)
                {
                    if (!ao.TryGetPropertyValue(key, out var other))
                    {
                        diffs.Add($"{path}.{key}: missing (expected {value?.ToJsonString()})");
                        continue;
                    }

                    if (key is "extended_data" or "conversation" && value is JsonValue && other is JsonValue)
                    {
                        Compare(Decode(value), Decode(other), $"{path}.{key}(decoded)", diffs);
                    }
                    else
                    {
                        Compare(value, other, $"{path}.{key}", diffs);
                    }
                }

                foreach (var (key, value) in ao)
                {
                    if (!eo.ContainsKey(key))
                    {
                        diffs.Add($"{path}.{key}: unexpected key (value {value?.ToJsonString()})");
                    }
                }

                return;
            case JsonArray ea when actual is JsonArray aa:
                if (ea.Count != aa.Count)
                {
                    diffs.Add($"{path}: expected {ea.Count} items, got {aa.Count}");
                }

                for (var i = 0; i < Math.Min(ea.Count, aa.Count); i++)
                {
                    Compare(ea[i], aa[i], $"{path}[{i}]", diffs);
                }

                return;
            case JsonValue ev when actual is JsonValue av:
                if (!ScalarEquals(ev, av))
                {
                    diffs.Add($"{path}: expected {ev.ToJsonString()}, got {av.ToJsonString()}");
                }

                return;
            default:
                diffs.Add($"{path}: expected {expected.ToJsonString()}, got {actual?.ToJsonString() ?? "null"}");
                return;
        }
    }

    private static bool ScalarEquals(JsonValue e, JsonValue a)
    {
        var ek = e.GetValueKind();
        var ak = a.GetValueKind();
        if (ek == JsonValueKind.Number && ak == JsonValueKind.Number)
        {
            return e.GetValue<double>() == a.GetValue<double>();
        }

        return ek == ak && e.ToJsonString() == a.ToJsonString();
    }

    private static JsonNode? Decode(JsonNode node)
    {
        var text = node.GetValue<string>();
        return text.Length == 0 ? JsonValue.Create(string.Empty) : JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(text)));
    }
}
