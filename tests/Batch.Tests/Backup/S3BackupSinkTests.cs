using System.Text;
using Upt.Batch.Backup;
using Upt.Batch.Sources;
using Upt.Feed.Synthetic;
using Upt.Kinesis;
using Upt.S3;
using Upt.TestSupport;

namespace Upt.Batch.Tests.Backup;

/// <summary>Backup files in an s3rver bucket (behind the SigV4-verifying proxy), read back by the bucket batch source.</summary>
public sealed class S3BackupSinkTests(S3rverFixture s3rver) : IClassFixture<S3rverFixture>, IDisposable
{
    private readonly S3Client _client = new(
        new S3ClientOptions { ServiceUrl = s3rver.Endpoint, Region = S3rverFixture.Region, MaxRetries = 1 },
        credentials: new StaticCredentialsProvider(S3rverFixture.AccessKeyId, S3rverFixture.SecretAccessKey));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task A_backed_up_delivery_reads_back_line_for_line_under_the_prefix()
    {
        var bucket = S3rverFixture.NewBucketName("backup");
        await _client.CreateBucketAsync(bucket, Ct);
        Assert.True(BackupSinks.TryCreate($"s3://{bucket}/raw/", () => _client, out var sink, out var error), error);
        Assert.Equal($"s3://{bucket}/raw", Assert.IsType<S3BackupSink>(sink).Name);

        var at = new DateTimeOffset(2024, 6, 1, 23, 59, 30, TimeSpan.Zero);
        var envelopes = new SyntheticTrafficGenerator(8, "demo").Generate(50).Select(e => e.EnvelopeJson).ToList();
        var records = envelopes.Select((e, i) => new BackupRecord($"{500 + i}", e, at.AddSeconds(i))).ToList();
        records.Insert(10, new BackupRecord("9", "not json"u8.ToArray(), at));
        var files = BackupFiles.Of("kinesis-shardId-000000000000", records);
        foreach (var file in files)
        {
            await sink.WriteAsync(file.Path, file.Content, Ct);
        }

        // The same delivery again (a redelivered batch) replaces the files with themselves.
        foreach (var file in files)
        {
            await sink.WriteAsync(file.Path, file.Content, Ct);
        }

        var source = new S3BatchSource(_client, S3Location.Parse($"s3://{bucket}/raw"));
        var listing = await source.ListAsync("demo", Ct);
        Assert.Equal(
            ["demo/2024/06/01/kinesis-shardId-000000000000-500.jsonl", "demo/2024/06/02/kinesis-shardId-000000000000-530.jsonl"],
            listing.Files.Select(f => f.Path));
        var lines = new List<byte[]>();
        foreach (var file in listing.Files)
        {
            await foreach (var line in source.ReadLinesAsync(file, 1 << 20, Ct))
            {
                lines.Add(line.Data);
            }
        }

        Assert.Equal(envelopes, lines);
        var unparsed = await _client.GetObjectBytesAsync(bucket, "raw/_unparsed/2024/06/01/kinesis-shardId-000000000000-9.jsonl", Ct);
        Assert.Contains("\"text\":\"not json\"", Encoding.UTF8.GetString(unparsed), StringComparison.Ordinal);
    }
}
