using System.Collections.Concurrent;

namespace Upt.Streaming.Kinesis.Tests;

/// <summary>One record as the test consumer saw it, with a global arrival number.</summary>
public sealed record Delivered(long Order, string ShardId, string SequenceNumber, string PartitionKey, string Data);

/// <summary>
/// What <see cref="RecordingConsumerGrain"/> received, per Kinesis stream name (every test uses its own stream), plus
/// switches to make the consumer fail or slow down.
/// </summary>
public static class DeliverySink
{
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<Delivered>> Deliveries = new();
    private static readonly ConcurrentDictionary<string, bool> Failing = new();
    private static readonly ConcurrentDictionary<string, int> Failures = new();
    private static readonly ConcurrentDictionary<string, TimeSpan> Delays = new();
    private static long _order;

    public static void Record(string stream, string shard, string sequence, string partitionKey, string data) =>
        Deliveries.GetOrAdd(stream, _ => new()).Enqueue(new Delivered(Interlocked.Increment(ref _order), shard, sequence, partitionKey, data));

    public static IReadOnlyList<Delivered> Of(string stream) =>
        Deliveries.TryGetValue(stream, out var q) ? q.OrderBy(d => d.Order).ToList() : [];

    /// <summary>Distinct sequence numbers delivered so far.</summary>
    public static int DistinctCount(string stream) => Of(stream).Select(d => (d.ShardId, d.SequenceNumber)).Distinct().Count();

    /// <summary>While set, every batch of <paramref name="stream"/> throws.</summary>
    public static void SetFailing(string stream, bool failing) => Failing[stream] = failing;

    public static bool IsFailing(string stream) => Failing.TryGetValue(stream, out var f) && f;

    public static void CountFailure(string stream) => Failures.AddOrUpdate(stream, 1, (_, n) => n + 1);

    public static int FailureCount(string stream) => Failures.TryGetValue(stream, out var n) ? n : 0;

    /// <summary>A delay per batch, to keep work in flight.</summary>
    public static void SetDelay(string stream, TimeSpan delay) => Delays[stream] = delay;

    public static TimeSpan DelayOf(string stream) => Delays.TryGetValue(stream, out var d) ? d : TimeSpan.Zero;
}
