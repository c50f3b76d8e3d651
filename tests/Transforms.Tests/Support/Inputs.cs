using System.Text.Json;
using System.Text.Json.Nodes;
using Upt.TestSupport;

namespace Upt.Transforms.Tests.Support;

/// <summary>Golden inputs as mutable JSON, and a one-call transform for tests.</summary>
internal static class Inputs
{
    /// <summary>Line <paramref name="line"/> (1-based, non-empty lines) of <c>golden/&lt;path&gt;.input.jsonl</c>.</summary>
    public static JsonObject Golden(string path, int line = 1) =>
        JsonNode.Parse(File.ReadLines(SharedData.UptFile("golden", path + ".input.jsonl")).Where(l => l.Trim().Length > 0).ElementAt(line - 1))!.AsObject();

    public static TransformResult Run(string objectType, JsonNode data, string txId = "test_tx_id")
    {
        using var doc = JsonDocument.Parse(data.ToJsonString());
        return BusinessObjectTransformer.Transform(objectType, doc.RootElement, FixedClock.Options(txId));
    }

    public static TransformResult Run(string objectType, string json)
    {
        using var doc = JsonDocument.Parse(json);
        return BusinessObjectTransformer.Transform(objectType, doc.RootElement, FixedClock.Options());
    }

    public static IReadOnlyList<JsonObject> Group(this TransformResult result, string key) =>
        result.Groups.Single(g => g.Key == key).Records;

    public static bool IsUuid(string? text) => Guid.TryParseExact(text, "D", out _);
}
