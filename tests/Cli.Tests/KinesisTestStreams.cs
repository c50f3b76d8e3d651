using Upt.DevInfra;
using Upt.Kinesis;

namespace Upt.Cli.Tests;

/// <summary>Creates test streams on kinesalite and reads every record back from all shards.</summary>
internal static class KinesisTestStreams
{
    public static KinesisClient Client(Uri endpoint) =>
        new(new KinesisClientOptions { ServiceUrl = endpoint, Region = LocalCluster.Region }, credentials: LocalCluster.Credentials);

    public static async Task CreateAsync(KinesisClient client, string stream, int shards)
    {
        await client.CreateStreamAsync(stream, shards, TestContext.Current.CancellationToken);
        await client.WaitForActiveAsync(stream, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    public static async Task<List<KinesisRecord>> ReadAllAsync(KinesisClient client, string stream)
    {
        var records = new List<KinesisRecord>();
        foreach (var shard in await client.ListShardsAsync(stream, TestContext.Current.CancellationToken))
        {
            var iterator = await client.GetShardIteratorAsync(stream, shard.ShardId, ShardIteratorType.TrimHorizon, cancellationToken: TestContext.Current.CancellationToken);
            while (iterator is not null)
            {
                var page = await client.GetRecordsAsync(iterator, 10_000, TestContext.Current.CancellationToken);
                records.AddRange(page.Records);
                if (page.Records.Count == 0 && page.MillisBehindLatest == 0)
                {
                    break;
                }

                iterator = page.NextShardIterator;
            }
        }

        return records;
    }
}
