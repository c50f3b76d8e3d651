using System.Text.Json;

namespace Upt.Transforms.Common;

/// <summary>State shared by the record builders of one business object.</summary>
internal sealed class TransformContext(string objectType, JsonElement data, TransformOptions options)
{
    private string? _objectHash;

    public string ObjectType { get; } = objectType;

    public JsonElement Data { get; } = data;

    public string TxId { get; } = options.TxId;

    public TimeProvider Clock { get; } = options.Clock;

    /// <summary>Traveller being processed, reported with an error when the object is rejected.</summary>
    public string? CurrentTravellerId { get; set; }

    /// <summary>
    /// A deterministic fallback id for something the producer sent without one. The name covers the object type,
    /// the whole object's content and the role/path, so the same object replayed gives the same id.
    /// </summary>
    public string FallbackId(string path)
    {
        _objectHash ??= DeterministicIds.CanonicalHash(Data);
        return DeterministicIds.Uuid5($"{ObjectType}\n{_objectHash}\n{path}");
    }

    public (string LastUpdated, string Partition) LastUpdated(string? source) => Timestamps.Resolve(source, Clock);
}
