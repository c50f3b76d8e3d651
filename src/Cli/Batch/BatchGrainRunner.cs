using Upt.Grains;

namespace Upt.Cli.Batch;

/// <summary>Runs a batch job through an Orleans client (no API in between) and waits for it: for the bench.</summary>
internal static class BatchGrainRunner
{
    /// <summary>
    /// Starts the job of <paramref name="objectType"/> (null: every type, envelope lines) over <paramref name="source"/>
    /// and polls until it ends. Throws when it cannot start; returns the final status (check its <see cref="BatchJobStatus.State"/>).
    /// </summary>
    public static async Task<BatchJobStatus> RunAsync(IGrainFactory grains, string domain, string? objectType, string source, DateOnly? from, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var job = grains.GetGrain<IBatchJobGrain>(GrainKeys.BatchJob(domain, objectType ?? BatchJobs.AllTypes));
        var started = await job.StartAsync(new BatchJobRequest(source, from), cancellationToken);
        if (started.Outcome != BatchStartOutcome.Started)
        {
            throw new InvalidOperationException($"batch job {domain}/{objectType ?? BatchJobs.AllTypes} did not start ({started.Outcome}): {started.Message}");
        }

        var runId = started.Status!.RunId;
        while (true)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            var status = await job.GetStatusAsync(cancellationToken);
            if (status is not null && (status.RunId != runId || status.State != BatchRunState.Running))
            {
                return status;
            }
        }
    }
}
