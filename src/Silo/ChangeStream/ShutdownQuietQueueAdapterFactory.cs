using Orleans.Streams;

namespace Upt.Silo.ChangeStream;

/// <summary>
/// Wraps the in-memory change stream's adapter factory so that its receivers finish an in-flight read when the
/// pulling agent stops, instead of having it cancelled. Orleans' memory receiver logs a cancelled read as an error,
/// so every graceful silo stop otherwise logged errors for a read that was only a short grain call away from done.
/// </summary>
internal sealed class ShutdownQuietQueueAdapterFactory(IQueueAdapterFactory inner) : IQueueAdapterFactory
{
#pragma warning disable CS0672, CS0618 // The legacy member must still be implemented.
    public async Task<IQueueAdapter> CreateAdapter() => new ShutdownQuietQueueAdapter(await inner.CreateAdapter());
#pragma warning restore CS0672, CS0618

    public async Task<IQueueAdapter> CreateAdapter(CancellationToken cancellationToken) =>
        new ShutdownQuietQueueAdapter(await inner.CreateAdapter(cancellationToken));

    public IQueueAdapterCache GetQueueAdapterCache() => inner.GetQueueAdapterCache();

    public IStreamQueueMapper GetStreamQueueMapper() => inner.GetStreamQueueMapper();

    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) => inner.GetDeliveryFailureHandler(queueId);
}
