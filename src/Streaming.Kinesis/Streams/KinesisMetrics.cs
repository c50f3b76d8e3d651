using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Upt.Streaming.Kinesis.Streams;

/// <summary>The <c>Upt.Kinesis</c> meter: <c>records_read</c> (counter) and <c>millis_behind_latest</c> (gauge), tagged by stream and shard.</summary>
internal static class KinesisMetrics
{
    public const string MeterName = "Upt.Kinesis";

    private static readonly Meter Meter = new(MeterName);
    private static readonly ConcurrentDictionary<(string Stream, string Shard), long> Behind = new();
    private static readonly Counter<long> RecordsRead = Meter.CreateCounter<long>("records_read", unit: "{record}", description: "Kinesis records read from a shard.");

    static KinesisMetrics()
    {
        Meter.CreateObservableGauge(
            "millis_behind_latest",
            () => Behind.Select(e => new Measurement<long>(e.Value, new("stream", e.Key.Stream), new("shard", e.Key.Shard))),
            unit: "ms",
            description: "How far the last read of a shard was behind its tip.");
    }

    public static void Read(string stream, string shard, int records, long millisBehindLatest)
    {
        if (records > 0)
        {
            var tags = new TagList { { "stream", stream }, { "shard", shard } };
            RecordsRead.Add(records, tags);
        }

        Behind[(stream, shard)] = millisBehindLatest;
    }

    public static void Forget(string stream, string shard) => Behind.TryRemove((stream, shard), out _);
}
