namespace Upt.Grains;

/// <summary>
/// The batch ingestion job of one domain and one business object type, or of every type (<see cref="BatchJobs.AllTypes"/>):
/// key <c>{domain}/{objectType|*}</c> (<see cref="GrainKeys.BatchJob"/>). At most one run per job at a time; a run
/// continues in the silo after the caller that started it has gone.
/// </summary>
[Alias("upt.IBatchJobGrain")]
public interface IBatchJobGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts a run over <see cref="BatchJobRequest.Source"/> and returns as soon as it runs (the files are listed and
    /// ingested in the background); a job that is running already is not started twice.
    /// </summary>
    [Alias("Start")]
    ValueTask<BatchStartResult> StartAsync(BatchJobRequest request, CancellationToken cancellationToken = default);

    /// <summary>The running run's live progress, else the last run's outcome; null when the job never ran.</summary>
    [Alias("GetStatus"), ReadOnly]
    ValueTask<BatchJobStatus?> GetStatusAsync(CancellationToken cancellationToken = default);
}
