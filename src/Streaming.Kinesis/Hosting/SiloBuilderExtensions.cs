using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Providers;
using Orleans.Streams;
using Upt.Streaming.Kinesis.Streams;

namespace Upt.Streaming.Kinesis.Hosting;

/// <summary>Registers the Kinesis stream provider on a silo.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>
    /// Adds a read-only persistent stream provider <paramref name="name"/> that delivers the records of a Kinesis
    /// stream as <see cref="KinesisRecordBatch"/> events (namespace <see cref="KinesisStreamOptions.StreamNamespace"/>,
    /// key = shard id) to implicitly subscribed grains, checkpointing in PostgreSQL only what was delivered.
    /// </summary>
    public static ISiloBuilder AddKinesisStreams(this ISiloBuilder builder, string name, Action<KinesisStreamOptions> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);

        builder.AddPersistentStreams(name, KinesisAdapterFactory.Create, stream =>
        {
            stream.Configure<KinesisStreamOptions>(o => o.Configure(configure));
            stream.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
            stream.ConfigureBackoffProvider((IServiceProvider _, string _) => (IMessageDeliveryBackoffProvider)new KinesisDeliveryBackoff());
            stream.ConfigurePullingAgent(o => o.Configure<IOptionsMonitor<KinesisStreamOptions>>((agent, kinesis) =>
            {
                var options = kinesis.Get(name);
                // The receiver paces each shard itself (PollInterval); the agent only has to ask often.
                agent.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(Math.Clamp(options.PollInterval.TotalMilliseconds / 4, 10, 100));
                agent.BatchContainerBatchSize = 1;
                // Never give up on a batch: a failing consumer is retried until it succeeds (the checkpoint waits).
                agent.MaxEventDeliveryTime = Timeout.InfiniteTimeSpan;
                agent.InitialSubscriptionStartPosition = StreamSubscriptionStartPosition.Latest;
            }));
        });

        builder.Services.ConfigureNamedOptionForLogging<KinesisStreamOptions>(name);
        builder.Services.AddSingleton<IConfigurationValidator>(sp =>
            new KinesisStreamOptionsValidator(sp.GetRequiredService<IOptionsMonitor<KinesisStreamOptions>>().Get(name), name));
        return builder;
    }
}
