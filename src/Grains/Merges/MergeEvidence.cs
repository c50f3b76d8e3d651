using System.Text.Json;

namespace Upt.Grains.Merges;

/// <summary>
/// The rule-index keys that linked a merge, as they are kept in the merge history's context (<c>{"evidence": [...]}</c>):
/// written with a rule merge, read back by an unmerge so the same evidence does not merge the pair again.
/// </summary>
internal static class MergeEvidence
{
    /// <summary>The context json of a merge with this evidence, or null when there is none.</summary>
    public static string? ToContextJson(IReadOnlyList<string> evidence) =>
        evidence.Count == 0 ? null : JsonSerializer.Serialize(new { evidence });

    /// <summary>The evidence in a merge's context json (none when it has no such list).</summary>
    public static IEnumerable<string> FromContextJson(string? contextJson)
    {
        if (contextJson is null)
        {
            yield break;
        }

        using var doc = JsonDocument.Parse(contextJson);
        if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("evidence", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                if (item.GetString() is { } e)
                {
                    yield return e;
                }
            }
        }
    }
}
