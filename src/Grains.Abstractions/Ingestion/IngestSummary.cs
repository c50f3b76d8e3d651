namespace Upt.Grains;

/// <summary>What one batch did: records decoded, flat records applied, rejected and skipped, changes published.</summary>
[GenerateSerializer, Immutable, Alias("upt.ingest-summary")]
public sealed record IngestSummary(
    [property: Id(0)] int Records,
    [property: Id(1)] int FlatRecords,
    [property: Id(2)] int Errors,
    [property: Id(3)] int Skipped,
    [property: Id(4)] int Changes);
