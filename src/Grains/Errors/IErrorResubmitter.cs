namespace Upt.Grains.Errors;

/// <summary>Sends a raw record through ingestion again (the retry of an error record).</summary>
public interface IErrorResubmitter
{
    /// <summary>Ingests <paramref name="record"/>; what the pipeline did, or an exception when it failed.</summary>
    Task<IngestSummary> ResubmitAsync(RawRecord record, CancellationToken cancellationToken = default);
}
