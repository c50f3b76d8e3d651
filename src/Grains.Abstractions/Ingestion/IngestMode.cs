namespace Upt.Grains;

/// <summary>The envelope's <c>mode</c>: how a record is applied.</summary>
public enum IngestMode
{
    /// <summary>Upsert the whole record (mode "" or "full").</summary>
    Full = 0,

    /// <summary>Overlay only the listed fields on the stored object.</summary>
    Partial = 1,

    /// <summary>Merge the record's traveller profile into the profile of <c>mergeModeProfileId</c>; nothing is ingested.</summary>
    Merge = 2,
}
