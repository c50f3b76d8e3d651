namespace Upt.Transforms.Envelope;

/// <summary>Envelope <c>mode</c>: how the ingestion stage applies the records.</summary>
public enum IngestMode
{
    /// <summary><c>full</c> or empty: upsert the records.</summary>
    Full,

    /// <summary><c>partial</c>: overwrite only the listed fields.</summary>
    Partial,

    /// <summary><c>merge</c>: merge the profile into <c>mergeModeProfileId</c>; nothing is ingested.</summary>
    Merge,
}
