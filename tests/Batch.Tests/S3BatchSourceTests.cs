using System.Text;
using Upt.Batch.Sources;
using Upt.Kinesis;
using Upt.S3;
using Upt.TestSupport;

namespace Upt.Batch.Tests;

/// <summary>The bucket source against s3rver (behind the SigV4-verifying proxy).</summary>
public sealed class S3BatchSourceTests(S3rverFixture s3rver) : IClassFixture<S3rverFixture>, IDisposable
{
    private readonly S3Client _client = new(
        new S3ClientOptions { ServiceUrl = s3rver.Endpoint, Region = S3rverFixture.Region, MaxRetries = 1 },
        credentials: new StaticCredentialsProvider(S3rverFixture.AccessKeyId, S3rverFixture.SecretAccessKey));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Lists_under_the_prefix_and_streams_lines()
    {
        var bucket = S3rverFixture.NewBucketName("batch");
        await _client.CreateBucketAsync(bucket, Ct);
        var big = string.Join('\n', Enumerable.Range(1, 5000).Select(i => $"{{\"n\":{i},\"pad\":\"{new string('p', 40)}\"}}"));
        await _client.PutObjectAsync(bucket, "in/demo/2024/05/06/big.jsonl", Encoding.UTF8.GetBytes(big), cancellationToken: Ct);
        await _client.PutObjectAsync(bucket, "in/demo/2024/05/05/a.jsonl", "{}\n"u8.ToArray(), cancellationToken: Ct);
        await _client.PutObjectAsync(bucket, "in/demo/2024/05/05/", ReadOnlyMemory<byte>.Empty, cancellationToken: Ct);
        await _client.PutObjectAsync(bucket, "in/demo/readme.txt", "x"u8.ToArray(), cancellationToken: Ct);
        await _client.PutObjectAsync(bucket, "demo/2024/05/05/outside-prefix.jsonl", "{}"u8.ToArray(), cancellationToken: Ct);

        var source = new S3BatchSource(_client, S3Location.Parse($"s3://{bucket}/in/"));
        Assert.Equal($"s3://{bucket}/in", source.Name);
        Assert.Null(await source.CheckAsync(Ct));
        var listing = await source.ListAsync("demo", Ct);
        Assert.Equal(["demo/2024/05/05/a.jsonl", "demo/2024/05/06/big.jsonl"], listing.Files.Select(f => f.Path));
        Assert.Equal(["demo/readme.txt"], listing.Ignored);
        Assert.StartsWith("etag:\"", listing.Files[0].Version, StringComparison.Ordinal);

        var count = 0;
        await foreach (var line in source.ReadLinesAsync(listing.Files[1], 1 << 20, Ct))
        {
            count++;
            Assert.Equal(count, line.Number);
            Assert.StartsWith($"{{\"n\":{count},", Encoding.UTF8.GetString(line.Data), StringComparison.Ordinal);
        }

        Assert.Equal(5000, count);
    }

    [Fact]
    public async Task A_missing_bucket_is_reported_before_a_run()
    {
        var source = new S3BatchSource(_client, S3Location.Parse($"s3://{S3rverFixture.NewBucketName("missing")}"));
        Assert.Contains("cannot list", await source.CheckAsync(Ct), StringComparison.Ordinal);
    }
}
