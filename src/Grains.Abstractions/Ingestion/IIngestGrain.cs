namespace Upt.Grains;

/// <summary>
/// Direct ingestion of raw records (batch files, replays, tests): the same pipeline as the Kinesis
/// path. A stateless worker; callers keep one traveller's records in one call (or in order).
/// </summary>
[Alias("upt.IIngestGrain")]
public interface IIngestGrain : IGrainWithIntegerKey
{
    [Alias("Ingest")]
    Task<IngestSummary> IngestAsync(IReadOnlyList<RawRecord> records);
}
