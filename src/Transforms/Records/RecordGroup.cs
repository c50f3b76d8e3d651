using System.Text.Json.Nodes;

namespace Upt.Transforms.Records;

/// <summary>One output list of a transform, e.g. <c>air_booking_recs</c>.</summary>
/// <param name="Key">Group key as in UPT's golden files.</param>
/// <param name="Records">Flat records, keys in emission order.</param>
public sealed record RecordGroup(string Key, IReadOnlyList<JsonObject> Records);
