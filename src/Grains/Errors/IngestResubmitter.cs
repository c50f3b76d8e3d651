namespace Upt.Grains.Errors;

/// <summary>Re-submits through the same pipeline as every other source (a stateless ingest worker).</summary>
internal sealed class IngestResubmitter(IGrainFactory grains) : IErrorResubmitter
{
    public Task<IngestSummary> ResubmitAsync(RawRecord record, CancellationToken cancellationToken = default) =>
        grains.GetGrain<IIngestGrain>(0).IngestAsync([record]);
}
