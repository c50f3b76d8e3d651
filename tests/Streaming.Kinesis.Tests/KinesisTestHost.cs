using System.Globalization;
using System.Numerics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.TestingHost;
using Upt.Kinesis;
using Upt.Streaming.Kinesis.Hosting;
using Upt.Streaming.Kinesis.Streams;
using Upt.TestSupport;

namespace Upt.Streaming.Kinesis.Tests;

/// <summary>A put record: where it went and in which order it was put.</summary>
public sealed record PutRecord(int PutOrder, string ShardId, string SequenceNumber, string PartitionKey, string Data);

/// <summary>Builds Kinesis streams, test clusters with the provider and reads the checkpoint table.</summary>
public sealed class KinesisTestHost(KinesaliteFixture kinesalite, string connectionString) : IDisposable
{
    public const string StreamNamespace = "upt-kinesis-test";
    public const string ProviderName = "kinesis";

    /// <summary>At least 25 characters: PostgresServerFixture.NewDatabaseAsync cuts the name at prefix length + 40 (or 60).</summary>
    public const string DatabasePrefix = "upt_kinesis_stream_provider";

    private int _putOrder;

    public KinesisClient Client { get; } = new(
        new KinesisClientOptions { ServiceUrl = kinesalite.Endpoint, Region = "us-east-1" },
        credentials: new StaticCredentialsProvider("test", "test"));

    public string StreamName { get; } = KinesaliteFixture.NewStreamName("upt");

    public string ConnectionString => connectionString;

    public static async Task<KinesisTestHost> CreateAsync(KinesaliteFixture kinesalite, PostgresServerFixture postgres, int shards)
    {
        var host = new KinesisTestHost(kinesalite, await postgres.NewDatabaseAsync(DatabasePrefix));
        await host.Client.CreateStreamAsync(host.StreamName, shards, TestContext.Current.CancellationToken);
        await host.Client.WaitForActiveAsync(host.StreamName, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        return host;
    }

    /// <summary>Starts a cluster reading <see cref="StreamName"/>.</summary>
    public async Task<InProcessTestCluster> StartClusterAsync(short silos = 1, Action<KinesisStreamOptions>? configure = null)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddKeyedSingleton<IKinesisClient>(ProviderName, (_, _) => new KinesisClient(
                new KinesisClientOptions { ServiceUrl = kinesalite.Endpoint, Region = "us-east-1" },
                credentials: new StaticCredentialsProvider("test", "test")));
            silo.AddMemoryGrainStorage("PubSubStore");
            silo.AddKinesisStreams(ProviderName, o =>
            {
                o.StreamName = StreamName;
                o.ServiceUrl = kinesalite.Endpoint;
                o.CheckpointConnectionString = connectionString;
                o.StreamNamespace = StreamNamespace;
                o.QueueCount = 4;
                o.CheckpointInterval = TimeSpan.FromMilliseconds(200);
                o.ShardDiscoveryInterval = TimeSpan.FromSeconds(1);
                o.PollInterval = TimeSpan.FromMilliseconds(100);
                configure?.Invoke(o);
            });
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>Puts <paramref name="count"/> records (keys <c>k0…k{keys-1}</c>), in order, in PutRecords calls of 250.</summary>
    public async Task<IReadOnlyList<PutRecord>> PutAsync(int count, int keys, string tag)
    {
        var result = new List<PutRecord>();
        for (var offset = 0; offset < count; offset += 250)
        {
            var entries = Enumerable.Range(offset, Math.Min(250, count - offset))
                .Select(i => (Key: $"k{i % keys}", Data: $"{tag}-{i}"))
                .ToList();
            var put = await Client.PutRecordsAsync(
                StreamName,
                entries.Select(e => new PutRecordsEntry(Encoding.UTF8.GetBytes(e.Data), e.Key)).ToList(),
                TestContext.Current.CancellationToken);
            Assert.Equal(0, put.FailedRecordCount);
            for (var i = 0; i < entries.Count; i++)
            {
                result.Add(new PutRecord(Interlocked.Increment(ref _putOrder), put.Records[i].ShardId!, put.Records[i].SequenceNumber!, entries[i].Key, entries[i].Data));
            }
        }

        return result;
    }

    /// <summary>The checkpoint table of this stream (empty when the table does not exist yet).</summary>
    public async Task<IReadOnlyDictionary<string, (string? Sequence, bool End)>> CheckpointsAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var exists = new NpgsqlCommand("SELECT to_regclass('upt_kinesis_checkpoints') IS NOT NULL", connection);
        if (!(bool)(await exists.ExecuteScalarAsync(TestContext.Current.CancellationToken))!)
        {
            return new Dictionary<string, (string?, bool)>();
        }

        await using var command = new NpgsqlCommand("SELECT shard_id, sequence_number, shard_end FROM upt_kinesis_checkpoints WHERE stream_name = @s", connection);
        command.Parameters.AddWithValue("s", StreamName);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var result = new Dictionary<string, (string?, bool)>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            result[reader.GetString(0)] = (reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetBoolean(2));
        }

        return result;
    }

    /// <summary>Splits an open shard in the middle of its hash range.</summary>
    public async Task SplitAsync(string shardId)
    {
        var shard = (await Client.ListShardsAsync(StreamName, TestContext.Current.CancellationToken)).Single(s => s.ShardId == shardId);
        var middle = (BigInteger.Parse(shard.StartingHashKey, CultureInfo.InvariantCulture) + BigInteger.Parse(shard.EndingHashKey, CultureInfo.InvariantCulture)) / 2;
        await Client.SplitShardAsync(StreamName, shardId, middle.ToString(CultureInfo.InvariantCulture), TestContext.Current.CancellationToken);
        await Client.WaitForActiveAsync(StreamName, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    public static int Compare(string a, string b) =>
        BigInteger.Parse(a, CultureInfo.InvariantCulture).CompareTo(BigInteger.Parse(b, CultureInfo.InvariantCulture));

    public void Dispose() => Client.Dispose();
}
