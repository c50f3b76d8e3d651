using Orleans.Streams;

namespace Upt.Silo.ChangeStream;

/// <summary>The wrapped adapter: publishing is unchanged; receivers are wrapped.</summary>
internal sealed class ShutdownQuietQueueAdapter(IQueueAdapter inner) : IQueueAdapter
{
    public string Name => inner.Name;

    public bool IsRewindable => inner.IsRewindable;

    public StreamProviderDirection Direction => inner.Direction;

    public Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext) =>
        inner.QueueMessageBatchAsync(streamId, events, token, requestContext);

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) => new ShutdownQuietReceiver(inner.CreateReceiver(queueId));
}
