using Upt.Streaming.Kinesis.Hosting;
using Upt.Streaming.Kinesis.Streams;

namespace Upt.Streaming.Kinesis.Tests;

/// <summary>Queue mapping, option validation and the read-only adapter, without servers.</summary>
public sealed class KinesisProviderUnitTests
{
    [Fact]
    public void ShardsMapToSlotsByTheirNumber()
    {
        var mapper = new KinesisQueueMapper(8, "kinesis");
        Assert.Equal(8, mapper.GetAllQueues().Distinct().Count());
        Assert.Equal(7, mapper.SlotOf("shardId-000000000007"));
        Assert.Equal(1, mapper.SlotOf("shardId-000000000009"));
        var queue = mapper.GetQueueForStream(StreamId.Create("upt-kinesis", "shardId-000000000010"));
        Assert.Equal(2, mapper.SlotOf(queue));
    }

    [Fact]
    public void ValidatorNamesEveryMissingSetting()
    {
        var errors = KinesisStreamOptionsValidator.Validate(new KinesisStreamOptions { QueueCount = 0, MaxRecordsPerBatch = 20_000 }).ToList();
        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.Contains("StreamName", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("CheckpointConnectionString", StringComparison.Ordinal));
        Assert.Throws<OrleansConfigurationException>(() => new KinesisStreamOptionsValidator(new KinesisStreamOptions(), "k").ValidateConfiguration());
        Assert.Empty(KinesisStreamOptionsValidator.Validate(new KinesisStreamOptions { StreamName = "s", CheckpointConnectionString = "Host=x" }));
    }

    [Fact]
    public async Task WritingThroughOrleansIsNotSupported()
    {
        var options = new KinesisStreamOptions { StreamName = "s", CheckpointConnectionString = "Host=localhost" };
        await using var factory = new KinesisAdapterFactory("k", options, new Upt.Kinesis.KinesisClient(new Upt.Kinesis.KinesisClientOptions { ServiceUrl = new Uri("http://127.0.0.1:1") }));
        var error = await Assert.ThrowsAsync<NotSupportedException>(() => factory.QueueMessageBatchAsync(StreamId.Create("upt-kinesis", "x"), new[] { 1 }, null, null));
        Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
    }
}
