namespace Upt.Grains.Jobs;

/// <summary>
/// The work of one async use case. It runs inside its event's activation (<see cref="IAsyncEventGrain"/>), on the
/// activation's scheduler: a job that calls grains and stores needs no locking of its own, and it ends with the
/// activation, which is what lets a lost job read failed. Register it with
/// <see cref="AsyncJobServiceCollectionExtensions.AddAsyncJob{TJob}"/>.
/// </summary>
public interface IAsyncJob
{
    /// <summary>
    /// Does the work of <paramref name="context"/>. Returning <see cref="AsyncJobResult.Success"/> or a failed result
    /// ends the event with that outcome; an exception fails it with the exception's message.
    /// </summary>
    Task<AsyncJobResult> RunAsync(AsyncJobContext context, CancellationToken cancellationToken);
}
