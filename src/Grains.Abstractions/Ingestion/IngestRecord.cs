namespace Upt.Grains;

/// <summary>
/// One flat record on its way to a profile, already transformed and validated at the edge. The
/// profile-level values it carries are extracted once, so profile grains never re-parse the JSON.
/// </summary>
[GenerateSerializer, Immutable, Alias("upt.ingest-record")]
public sealed record IngestRecord
{
    /// <summary>Flat record type, e.g. <c>air_booking</c>.</summary>
    [Id(0)] public required string ObjectType { get; init; }

    /// <summary>The record's <c>accp_object_id</c>, unique per traveller and type.</summary>
    [Id(1)] public required string ObjectId { get; init; }

    /// <summary>The record's <c>traveller_id</c>.</summary>
    [Id(2)] public required string TravellerId { get; init; }

    /// <summary>The flat record as JSON text (what is stored).</summary>
    [Id(3)] public required string Json { get; init; }

    /// <summary>The record's <c>last_updated</c>, used for precedence; null when absent.</summary>
    [Id(4)] public DateTimeOffset? LastUpdated { get; init; }

    /// <summary>Non-empty profile-level values this record promotes (target field → value).</summary>
    [Id(5)] public IReadOnlyDictionary<string, string> Promoted { get; init; } = new Dictionary<string, string>();

    /// <summary>How to apply the record.</summary>
    [Id(6)] public IngestMode Mode { get; init; }

    /// <summary>Partial mode: the flat field names to overlay (<c>*</c> = all) for this record's type.</summary>
    [Id(7)] public IReadOnlyList<string> PartialFields { get; init; } = [];

    /// <summary>Merge mode: the traveller id whose profile this record's profile merges into.</summary>
    [Id(8)] public string? MergeIntoTravellerId { get; init; }

    /// <summary>Where the record came from (envelope uid or shard/sequence), for tracing and error records.</summary>
    [Id(9)] public string SourceId { get; init; } = "";
}
