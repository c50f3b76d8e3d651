using System.Text;
using Orleans.Streams;
using Orleans.Streams.Core;
using Upt.Streaming.Kinesis.Streams;

namespace Upt.Streaming.Kinesis.Tests;

/// <summary>Marker interface of the test consumer (keyed by shard id).</summary>
public interface IRecordingConsumerGrain : IGrainWithStringKey;

/// <summary>The test consumer: one activation per shard, records every record of every batch into <see cref="DeliverySink"/>.</summary>
[ImplicitStreamSubscription(KinesisTestHost.StreamNamespace)]
public sealed class RecordingConsumerGrain : Grain, IRecordingConsumerGrain, IStreamSubscriptionObserver, IAsyncObserver<KinesisRecordBatch>
{
    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        handleFactory.Create<KinesisRecordBatch>().ResumeAsync(this);

    public async Task OnNextAsync(KinesisRecordBatch item, StreamSequenceToken? token = null)
    {
        if (DeliverySink.IsFailing(item.StreamName))
        {
            DeliverySink.CountFailure(item.StreamName);
            throw new InvalidOperationException("Test consumer told to fail");
        }

        if (DeliverySink.DelayOf(item.StreamName) is { } delay && delay > TimeSpan.Zero)
        {
            await Task.Delay(delay);
        }

        foreach (var record in item.Records)
        {
            DeliverySink.Record(item.StreamName, item.ShardId, record.SequenceNumber, record.PartitionKey, Encoding.UTF8.GetString(record.Data));
        }
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
