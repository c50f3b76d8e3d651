using System.Text.Json.Nodes;
using Upt.Transforms.Common;

namespace Upt.Transforms.Objects;

/// <summary>Creates a flat record with the bookkeeping keys every type starts with.</summary>
internal static class RecordStart
{
    public static JsonObject New(string objectType, string? modelVersion, TransformContext ctx) => new()
    {
        ["object_type"] = objectType,
        ["model_version"] = modelVersion,
        ["tx_id"] = ctx.TxId,
    };

    public static void Stamp(JsonObject rec, (string LastUpdated, string Partition) ts)
    {
        rec["last_updated"] = ts.LastUpdated;
        rec["last_updated_partition"] = ts.Partition;
    }
}
