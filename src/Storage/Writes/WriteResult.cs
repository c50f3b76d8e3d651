namespace Upt.Storage;

/// <summary>What a durable write changed.</summary>
public sealed record WriteResult(IReadOnlyList<ObjectChange> ChangedObjects)
{
    /// <summary>A write that changed no object.</summary>
    public static WriteResult Empty { get; } = new([]);
}
