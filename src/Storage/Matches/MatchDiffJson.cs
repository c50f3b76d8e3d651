using System.Text;
using System.Text.Json;

namespace Upt.Storage;

/// <summary><c>upt_match_pairs.data_diff</c>: a JSON array of <c>{fieldName, sourceValue, targetValue}</c>.</summary>
internal static class MatchDiffJson
{
    public static string Write(IReadOnlyList<MatchFieldDiff> diff)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            foreach (var d in diff)
            {
                writer.WriteStartObject();
                writer.WriteString("fieldName", d.FieldName);
                writer.WriteString("sourceValue", d.SourceValue);
                writer.WriteString("targetValue", d.TargetValue);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static IReadOnlyList<MatchFieldDiff> Read(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var diff = new List<MatchFieldDiff>(doc.RootElement.GetArrayLength());
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            diff.Add(new MatchFieldDiff(Text(e, "fieldName"), Text(e, "sourceValue"), Text(e, "targetValue")));
        }

        return diff;
    }

    private static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
}
