namespace Upt.Grains.Jobs;

/// <summary>
/// A <see cref="AsyncUseCases.StartBatchIdRes"/> event's status from the domain's re-resolution job, which keeps only
/// its latest run: a run of an older version has not started this one yet, a newer one superseded it.
/// </summary>
internal static class ResolutionEventStatus
{
    public static (string Status, double Progress, string? Error) Of(ResolutionJobStatus job, int version)
    {
        if (job.Version < version)
        {
            return (AsyncEventStatus.Invoked, 0, null);
        }

        if (job.Version > version)
        {
            return (AsyncEventStatus.Failed, 0, $"superseded by the activation of rule-set version {job.Version} before it finished");
        }

        return job.State switch
        {
            ResolutionJobStatus.Running => (AsyncEventStatus.Running, job.Progress, null),
            ResolutionJobStatus.Succeeded => (AsyncEventStatus.Success, 1, null),
            ResolutionJobStatus.Failed => (AsyncEventStatus.Failed, job.Progress, job.Error ?? "the re-resolution failed"),
            _ => (AsyncEventStatus.Invoked, 0, null),
        };
    }
}
