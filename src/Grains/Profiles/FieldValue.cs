using System.Text.Json.Serialization;

namespace Upt.Grains.Profiles;

/// <summary>A profile-level value with its provenance: which object type set it, and that object's time.</summary>
public sealed record FieldValue(
    [property: JsonPropertyName("v")] string Value,
    [property: JsonPropertyName("t")] DateTimeOffset? Timestamp,
    [property: JsonPropertyName("o")] string ObjectType);
