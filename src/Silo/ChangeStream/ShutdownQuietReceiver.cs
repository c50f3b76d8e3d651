using Orleans.Streams;

namespace Upt.Silo.ChangeStream;

/// <summary>
/// Reads are not cancelled: a read of the in-memory queue is one short grain call, bounded by the messaging
/// timeout, and letting it finish is what keeps a stopping silo's log free of cancellation "errors".
/// Everything else is passed through unchanged.
/// </summary>
internal sealed class ShutdownQuietReceiver(IQueueAdapterReceiver inner) : IQueueAdapterReceiver
{
#pragma warning disable CS0672, CS0618 // The legacy members must still be implemented.
    public Task Initialize(TimeSpan timeout) => inner.Initialize(timeout);

    public Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount) => inner.GetQueueMessagesAsync(maxCount);

    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages) => inner.MessagesDeliveredAsync(messages);

    public Task Shutdown(TimeSpan timeout) => inner.Shutdown(timeout);
#pragma warning restore CS0672, CS0618

    public Task Initialize(TimeSpan timeout, CancellationToken cancellationToken) => inner.Initialize(timeout, cancellationToken);

    public Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount, CancellationToken cancellationToken) =>
        inner.GetQueueMessagesAsync(maxCount, CancellationToken.None);

    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages, CancellationToken cancellationToken) =>
        inner.MessagesDeliveredAsync(messages, cancellationToken);

    public Task Shutdown(TimeSpan timeout, CancellationToken cancellationToken) => inner.Shutdown(timeout, cancellationToken);
}
