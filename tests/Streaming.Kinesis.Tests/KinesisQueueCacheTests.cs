using Orleans.Streams;
using Upt.Streaming.Kinesis.Streams;

namespace Upt.Streaming.Kinesis.Tests;

/// <summary>The cache purges only what every cursor of a stream has moved past, and a failed batch comes again.</summary>
public sealed class KinesisQueueCacheTests
{
    private static KinesisBatchContainer Batch(StreamId stream, long n) =>
        new(stream, new KinesisRecordBatch("s", stream.GetKeyAsString(), [new KinesisRecordEvent(n.ToString(System.Globalization.CultureInfo.InvariantCulture), "k", [], DateTimeOffset.UnixEpoch)], 0),
            new KinesisSequenceToken(n, stream.GetKeyAsString(), n.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static long Current(IQueueCacheCursor cursor) => cursor.GetCurrent(out _)!.SequenceToken.SequenceNumber;

    [Fact]
    public void PurgesOnlyDeliveredBatchesAndRedeliversAFailedOne()
    {
        var cache = new KinesisQueueCache(10);
        var a = StreamId.Create("ns", "shardId-000000000000");
        var b = StreamId.Create("ns", "shardId-000000000001");
        cache.AddToCache([Batch(a, 1), Batch(b, 2), Batch(a, 3)]);
        Assert.Equal(7, cache.GetMaxAddCount());

        using var cursor = cache.TryGetCacheCursor(a, null).Cursor!;
        Assert.Equal(QueueCacheCursorMoveResultKind.Success, cursor.MoveNextWithResult().Kind);
        Assert.Equal(1, Current(cursor));
        Assert.False(cache.TryPurgeFromCache(out _)); // batch 1 handed out, not yet delivered

        Assert.Equal(QueueCacheCursorMoveResultKind.Success, cursor.MoveNextWithResult().Kind); // 1 delivered
        Assert.Equal(3, Current(cursor));
        cursor.RecordDeliveryFailure();
        Assert.Equal(QueueCacheCursorMoveResultKind.Success, cursor.MoveNextWithResult().Kind);
        Assert.Equal(3, Current(cursor)); // the failed batch again

        Assert.True(cache.TryPurgeFromCache(out var purged));
        Assert.Equal([1L], purged.Select(p => p.SequenceToken.SequenceNumber));

        Assert.Equal(QueueCacheCursorMoveResultKind.NoData, cursor.MoveNextWithResult().Kind); // 3 delivered
        Assert.True(cache.TryPurgeFromCache(out purged));
        Assert.Equal([3L], purged.Select(p => p.SequenceToken.SequenceNumber));
        Assert.Equal(1, cache.Count); // stream b has no consumer yet: kept
    }

    [Fact]
    public void ANewCursorStartsAtTheFirstUndeliveredBatch()
    {
        var cache = new KinesisQueueCache(10);
        var a = StreamId.Create("ns", "shardId-000000000000");
        cache.AddToCache([Batch(a, 1), Batch(a, 2)]);
        var first = cache.TryGetCacheCursor(a, null).Cursor!;
        first.MoveNextWithResult();
        first.MoveNextWithResult(); // 1 delivered, 2 handed out
        first.Dispose();

        using var second = cache.TryGetCacheCursor(a, new KinesisSequenceToken(99, "x", "99")).Cursor!;
        Assert.Equal(QueueCacheCursorMoveResultKind.Success, second.MoveNextWithResult().Kind);
        Assert.Equal(2, Current(second));
    }
}
