using Microsoft.Extensions.Logging;
using Upt.Storage;

namespace Upt.Grains.Ingest;

/// <summary>Stateless worker running the ingest pipeline for direct callers.</summary>
[StatelessWorker]
[GrainType("ingest")]
internal sealed class IngestGrain(GroupCommitWriter writer, TimeProvider clock, ILogger<IngestGrain> logger) : Grain, IIngestGrain
{
    private IngestPipeline? _pipeline;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _pipeline = new IngestPipeline(GrainFactory, writer, new DomainSettingsCache(GrainFactory, clock), this.GetStreamProvider(ChangeStreams.ProviderName), logger);
        return Task.CompletedTask;
    }

    public Task<IngestSummary> IngestAsync(IReadOnlyList<RawRecord> records) => _pipeline!.RunAsync(records);
}
