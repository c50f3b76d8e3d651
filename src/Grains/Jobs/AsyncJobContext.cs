namespace Upt.Grains.Jobs;

/// <summary>What a running job knows and can do: its event and request, progress reports, and the domain's change stream.</summary>
public sealed class AsyncJobContext
{
    private readonly Func<double, Task> _progress;
    private readonly Func<IReadOnlyList<ProfileChangeEvent>, Task> _publish;

    /// <summary>A context for event <paramref name="eventId"/>; the delegates are the event grain's.</summary>
    public AsyncJobContext(string eventId, AsyncJobRequest request, Func<double, Task> progress, Func<IReadOnlyList<ProfileChangeEvent>, Task> publish)
    {
        ArgumentNullException.ThrowIfNull(request);
        EventId = eventId;
        Request = request;
        _progress = progress;
        _publish = publish;
    }

    /// <summary>The event id (UPT's <c>item_type</c>).</summary>
    public string EventId { get; }

    /// <summary>What to run on.</summary>
    public AsyncJobRequest Request { get; }

    /// <summary>The domain of the request.</summary>
    public string Domain => Request.Domain;

    /// <summary>Reports the share done (clamped to 0–1); the event stores it now and then, not at every call.</summary>
    public Task ReportProgressAsync(double progress) => _progress(Math.Clamp(progress, 0, 1));

    /// <summary>Publishes events on their domains' change streams once their effects are durable; a failure is logged, not thrown.</summary>
    public Task PublishAsync(IReadOnlyList<ProfileChangeEvent> events) => _publish(events);
}
