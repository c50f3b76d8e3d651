using System.Text.Json.Nodes;

namespace Upt.Api.Summaries;

/// <summary>What a model is shown of a profile: the filtered view without empty values (fewer tokens, nothing added).</summary>
public static class SummaryInput
{
    /// <summary>A copy of <paramref name="profile"/> without empty strings, nulls, and objects or arrays left empty.</summary>
    public static JsonObject Compact(JsonObject profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return (JsonObject)(Prune(profile) ?? new JsonObject());
    }

    private static JsonNode? Prune(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                var copy = new JsonObject();
                foreach (var (key, value) in o)
                {
                    if (Prune(value) is { } kept)
                    {
                        copy[key] = kept;
                    }
                }

                return copy.Count > 0 ? copy : null;
            case JsonArray a:
                var items = a.Select(Prune).OfType<JsonNode>().ToArray();
                return items.Length > 0 ? new JsonArray(items) : null;
            case JsonValue v:
                return ProfileText.Value(v).Length > 0 ? v.DeepClone() : null;
            default:
                return null;
        }
    }
}
