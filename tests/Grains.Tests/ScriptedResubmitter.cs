using Upt.Grains.Errors;

namespace Upt.Grains.Tests;

/// <summary>
/// Re-submits through the real ingest pipeline unless the script says this attempt fails: then it throws as a storage
/// time-out would. The error record's id is the retry's source id after <c>retry/</c>.
/// </summary>
internal sealed class ScriptedResubmitter(IGrainFactory grains, ScriptedResubmissions script) : IErrorResubmitter
{
    public const string Failure = "simulated transient failure";

    public Task<IngestSummary> ResubmitAsync(RawRecord record, CancellationToken cancellationToken = default)
    {
        var errorId = record.SourceId["retry/".Length..];
        return script.NextFails(errorId)
            ? throw new TimeoutException(Failure)
            : grains.GetGrain<IIngestGrain>(0).IngestAsync([record]);
    }
}
