using System.Diagnostics;
using Upt.Kinesis;

namespace Upt.Cli.Bench;

/// <summary>
/// The Kinesis read ceiling: every record of every shard from TRIM_HORIZON to the end, shards in parallel, records
/// discarded. Nothing a consumer does can read faster than this from the same kinesalite.
/// </summary>
internal static class KinesisDrain
{
    /// <summary>GetRecords' maximum.</summary>
    public const int Limit = 10_000;

    /// <summary>Reads the whole stream; returns the records read and the wall time.</summary>
    public static async Task<(long Records, TimeSpan Elapsed)> RunAsync(IKinesisClient client, string stream, CancellationToken cancellationToken)
    {
        var shards = await client.ListShardsAsync(stream, cancellationToken);
        var watch = Stopwatch.StartNew();
        var counts = await Task.WhenAll(shards.Select(s => DrainShardAsync(client, stream, s.ShardId, cancellationToken)));
        watch.Stop();
        return (counts.Sum(), watch.Elapsed);
    }

    private static async Task<long> DrainShardAsync(IKinesisClient client, string stream, string shardId, CancellationToken cancellationToken)
    {
        var iterator = await client.GetShardIteratorAsync(stream, shardId, ShardIteratorType.TrimHorizon, cancellationToken: cancellationToken);
        long count = 0;
        while (iterator is not null)
        {
            var result = await client.GetRecordsAsync(iterator, Limit, cancellationToken);
            count += result.Records.Count;

            // Nothing was written during the drain: an empty page at the tip is the end of an open shard.
            if (result.Records.Count == 0 && result.MillisBehindLatest == 0)
            {
                break;
            }

            iterator = result.NextShardIterator;
        }

        return count;
    }
}
