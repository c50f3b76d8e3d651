namespace Upt.Grains;

/// <summary>
/// One async event (UPT's async job row). Key: the event id, a UUID. The event is durable (grain state in PostgreSQL),
/// so any silo answers for it after a restart; a job runs inside its event's activation, so an event whose activation
/// is gone while its status is not final lost its job: it reads <see cref="AsyncEventStatus.Failed"/>, never "running" forever.
/// </summary>
[Alias("upt.IAsyncEventGrain")]
public interface IAsyncEventGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records the event as <see cref="AsyncEventStatus.Invoked"/> and runs the job registered for
    /// <see cref="AsyncJobRequest.UseCase"/> in the background (running, then success or failed, with progress).
    /// Returns as soon as the event is durable. Starting an event that exists already changes nothing and returns it.
    /// </summary>
    /// <exception cref="ArgumentException">No job is registered for the use case in this silo.</exception>
    [Alias("Start")]
    ValueTask<AsyncEventView> StartAsync(AsyncJobRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records work that completed before the caller answered (merges, unmerges, domain create and delete) as an event
    /// that is already final: success when <paramref name="error"/> is null, else failed with it. An event that exists
    /// already is returned unchanged.
    /// </summary>
    [Alias("Record")]
    ValueTask<AsyncEventView> RecordAsync(string useCase, string domain, string? error, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the background re-resolution a rule-set activation started (<see cref="IResolutionJobGrain"/> of
    /// <paramref name="domain"/>, for rule-set <paramref name="version"/>) as a <see cref="AsyncUseCases.StartBatchIdRes"/>
    /// event that follows that job's status and progress.
    /// </summary>
    [Alias("TrackResolution")]
    ValueTask<AsyncEventView> TrackResolutionAsync(string domain, int version, CancellationToken cancellationToken = default);

    /// <summary>The event, or null when no event has this id.</summary>
    [Alias("Get")]
    ValueTask<AsyncEventView?> GetAsync(CancellationToken cancellationToken = default);
}
