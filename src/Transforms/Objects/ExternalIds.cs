using System.Text.Json;
using Upt.Transforms.Common;

namespace Upt.Transforms.Objects;

/// <summary>Ids from <c>externalIds[]</c> by originating system (exact, case-sensitive match as in UPT; last match wins).</summary>
internal static class ExternalIds
{
    public static string? Find(JsonElement owner, string system)
    {
        string? found = string.Empty;
        foreach (var raw in Json.List(owner, "externalIds"))
        {
            var e = Json.Item(raw, "externalIds");
            if (string.Equals(Json.Text(e, "originatingSystem"), system, StringComparison.Ordinal))
            {
                found = Json.Str(e, "id");
            }
        }

        return found;
    }
}
