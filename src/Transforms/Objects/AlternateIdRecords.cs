using System.Text.Json;
using System.Text.Json.Nodes;
using Upt.Transforms.Common;
using Upt.Transforms.Records;

namespace Upt.Transforms.Objects;

/// <summary>
/// Two <c>alternate_profile_id</c> records per entry (stub keyed by the alternate id, hydrated keyed by the traveller),
/// de-duplicated on exact equality as UPT does. Unlike UPT, the input entries are not mutated.
/// </summary>
internal static class AlternateIdRecords
{
    public static void Add(List<JsonObject> output, JsonElement person, string travellerId, string? modelVersion, string? parentLastUpdated, TransformContext ctx)
    {
        foreach (var raw in Json.List(person, "alternateProfileIds"))
        {
            var entry = Json.Item(raw, "alternateProfileIds");
            var name = Json.Text(entry, "name");
            var value = Json.Text(entry, "value");
            var description = Json.Str(entry, "description");
            var key = name + "_" + value;
            AddUnique(output, Build(ctx, modelVersion, parentLastUpdated, name, value, description, key, key));
            AddUnique(output, Build(ctx, modelVersion, parentLastUpdated, name, value, description, travellerId, key));
        }
    }

    private static JsonObject Build(TransformContext ctx, string? modelVersion, string? lastUpdated, string name, string value, string? description, string travellerId, string key) => new()
    {
        ["object_type"] = FlatRecordTypes.AlternateProfileId,
        ["model_version"] = modelVersion,
        ["last_updated"] = lastUpdated,
        ["value"] = value,
        ["name"] = name,
        ["description"] = description,
        ["tx_id"] = ctx.TxId,
        ["traveller_id"] = travellerId,
        ["accp_object_id"] = key,
    };

    private static void AddUnique(List<JsonObject> output, JsonObject rec)
    {
        foreach (var existing in output)
        {
            if (JsonNode.DeepEquals(existing, rec))
            {
                return;
            }
        }

        output.Add(rec);
    }
}
