using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Streams;
using Upt.Kinesis;

namespace Upt.Streaming.Kinesis.Streams;

/// <summary>
/// The Kinesis persistent-stream adapter: a read-only <see cref="IQueueAdapter"/> over one Kinesis stream, its queue
/// mapper (<see cref="KinesisQueueMapper"/>), its delivery-tracking cache and one receiver per slot.
/// </summary>
public sealed class KinesisAdapterFactory : IQueueAdapterFactory, IQueueAdapter, IQueueAdapterCache, IAsyncDisposable
{
    private const int CachedBatchesPerSlot = 256;
    private readonly KinesisStreamOptions _options;
    private readonly KinesisQueueMapper _mapper;
    private readonly IKinesisClient _client;
    private readonly KinesisCheckpointStore _store;
    private readonly ILoggerFactory _loggerFactory;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<QueueId, KinesisQueueCache> _caches = new();
    private IDisposable? _ownedClient;

    /// <summary>Creates the factory; <paramref name="client"/> is used as is (the factory does not dispose it).</summary>
    public KinesisAdapterFactory(string name, KinesisStreamOptions options, IKinesisClient client, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        Name = name;
        _options = options;
        _client = client;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _mapper = new KinesisQueueMapper(options.QueueCount, name);
        _store = KinesisCheckpointStore.Create(options.CheckpointConnectionString);
    }

    /// <summary>
    /// The factory method given to Orleans: named <see cref="KinesisStreamOptions"/>; the Kinesis client is the keyed
    /// (by provider name) or plain <see cref="IKinesisClient"/> from DI, else a <see cref="KinesisClient"/> built from the options.
    /// </summary>
    public static KinesisAdapterFactory Create(IServiceProvider services, string name)
    {
        var options = services.GetOptionsByName<KinesisStreamOptions>(name);
        var loggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        var registered = services.GetKeyedService<IKinesisClient>(name) ?? services.GetService<IKinesisClient>();
        var owned = registered is null ? CreateClient(options, loggerFactory) : null;
        return new KinesisAdapterFactory(name, options, registered ?? owned!, loggerFactory, services.GetService<TimeProvider>()) { _ownedClient = owned };
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>False: a batch is never re-read on a consumer's request; redelivery happens through the cache instead.</summary>
    public bool IsRewindable => false;

    /// <summary>Read-only: producers write to Kinesis directly.</summary>
    public StreamProviderDirection Direction => StreamProviderDirection.ReadOnly;

    /// <summary>Always throws: this provider only reads Kinesis.</summary>
    public Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext) =>
        throw new NotSupportedException(
            $"The Kinesis stream provider '{Name}' is read-only: write records to the Kinesis stream '{_options.StreamName}' with a Kinesis client (PutRecord/PutRecords) instead of an Orleans stream producer.");

    /// <inheritdoc />
    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) =>
        new KinesisAdapterReceiver(
            Name,
            _mapper.SlotOf(queueId),
            _options,
            _mapper,
            _client,
            _store,
            () => _caches.GetValueOrDefault(queueId),
            _time,
            _loggerFactory.CreateLogger<KinesisAdapterReceiver>());

    /// <inheritdoc />
    public IQueueCache CreateQueueCache(QueueId queueId)
    {
        var cache = new KinesisQueueCache(CachedBatchesPerSlot);
        _caches[queueId] = cache;
        return cache;
    }

#pragma warning disable CS0672, CS0618 // The legacy member must still be implemented.
    /// <inheritdoc />
    public Task<IQueueAdapter> CreateAdapter() => Task.FromResult<IQueueAdapter>(this);
#pragma warning restore CS0672, CS0618

    /// <inheritdoc />
    public Task<IQueueAdapter> CreateAdapter(CancellationToken cancellationToken) => Task.FromResult<IQueueAdapter>(this);

    /// <inheritdoc />
    public IQueueAdapterCache GetQueueAdapterCache() => this;

    /// <inheritdoc />
    public IStreamQueueMapper GetStreamQueueMapper() => _mapper;

    /// <summary>Never faults a subscription: a failed batch is delivered again until it succeeds.</summary>
    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) =>
        Task.FromResult<IStreamFailureHandler>(new NoOpStreamDeliveryFailureHandler());

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _ownedClient?.Dispose();
        return _store.DisposeAsync();
    }

    private static KinesisClient CreateClient(KinesisStreamOptions options, ILoggerFactory loggerFactory)
    {
        var clientOptions = new KinesisClientOptions { ServiceUrl = options.ServiceUrl };
        if (!string.IsNullOrWhiteSpace(options.Region))
        {
            clientOptions.Region = options.Region;
        }

        return new KinesisClient(clientOptions, logger: loggerFactory.CreateLogger<KinesisClient>());
    }
}
