using System.Security.Cryptography;
using System.Text;
using Upt.TestSupport;

namespace Upt.S3.Tests;

/// <summary>The client against a real S3 API implementation (s3rver) behind a SigV4-verifying proxy.</summary>
public sealed class S3rverTests(S3rverFixture s3rver) : IDisposable
{
    private readonly S3Client _client = TestClients.For(s3rver.Endpoint);

    public void Dispose() => _client.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_bucket_is_idempotent()
    {
        var bucket = S3rverFixture.NewBucketName("create");
        await _client.CreateBucketAsync(bucket, Ct);
        await _client.CreateBucketAsync(bucket, Ct);
        var page = await _client.ListObjectsV2Async(bucket, cancellationToken: Ct);
        Assert.Empty(page.Objects);
        Assert.False(page.IsTruncated);
    }

    [Fact]
    public async Task Put_head_get_delete_round_trip()
    {
        var bucket = await NewBucketAsync("crud");
        var data = Encoding.UTF8.GetBytes("{\"traveller\":\"ünïcødé ✓\"}");
        var put = await _client.PutObjectAsync(bucket, "profiles/1.json", data, "application/json", Ct);
        var md5 = "\"" + Convert.ToHexStringLower(MD5.HashData(data)) + "\"";
        Assert.Equal(md5, put.ETag);

        var head = await _client.HeadObjectAsync(bucket, "profiles/1.json", Ct);
        Assert.NotNull(head);
        Assert.Equal(data.Length, head.ContentLength);
        Assert.Equal(md5, head.ETag);
        Assert.Equal("application/json", head.ContentType);
        Assert.InRange(head.LastModified!.Value, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));

        await using (var get = await _client.GetObjectAsync(bucket, "profiles/1.json", cancellationToken: Ct))
        {
            Assert.Equal(data.Length, get.ContentLength);
            Assert.Equal(data.Length, get.ObjectSize);
            Assert.Equal(md5, get.ETag);
            Assert.Equal("application/json", get.ContentType);
            using var copy = new MemoryStream();
            await get.Body.CopyToAsync(copy, Ct);
            Assert.Equal(data, copy.ToArray());
        }

        await _client.DeleteObjectAsync(bucket, "profiles/1.json", Ct);
        Assert.Null(await _client.HeadObjectAsync(bucket, "profiles/1.json", Ct));
        await _client.DeleteObjectAsync(bucket, "profiles/1.json", Ct);
    }

    [Fact]
    public async Task Byte_ranges_are_served_partially()
    {
        var bucket = await NewBucketAsync("range");
        var data = Enumerable.Range(0, 100).Select(i => (byte)i).ToArray();
        await _client.PutObjectAsync(bucket, "r.bin", data, cancellationToken: Ct);

        await using (var middle = await _client.GetObjectAsync(bucket, "r.bin", new ByteRange(10, 19), Ct))
        {
            Assert.Equal(10, middle.ContentLength);
            Assert.Equal(100, middle.ObjectSize);
            Assert.Equal(data[10..20], await ReadAllAsync(middle.Body));
        }

        await using var tail = await _client.GetObjectAsync(bucket, "r.bin", new ByteRange(95), Ct);
        Assert.Equal(data[95..], await ReadAllAsync(tail.Body));
    }

    [Fact]
    public async Task Streams_upload_exactly_the_given_length_and_stay_open()
    {
        var bucket = await NewBucketAsync("stream");
        var data = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17);

        // Seekable: hashed and signed, sent from the current position, the stream left open.
        var seekable = new MemoryStream(data) { Position = 5 };
        await _client.PutObjectAsync(bucket, "big.bin", seekable, data.Length - 10, "application/octet-stream", Ct);
        Assert.True(seekable.CanRead);
        Assert.Equal(data[5..^5], await _client.GetObjectBytesAsync(bucket, "big.bin", Ct));

        // Non-seekable: UNSIGNED-PAYLOAD, which the verifying proxy accepts like S3 does.
        await using var pipe = new NonSeekableStream(new MemoryStream(data));
        await _client.PutObjectAsync(bucket, "piped.bin", pipe, data.Length, cancellationToken: Ct);
        await using var get = await _client.GetObjectAsync(bucket, "piped.bin", cancellationToken: Ct);
        Assert.Equal(SHA256.HashData(data), await SHA256.HashDataAsync(get.Body, Ct));
    }

    [Fact]
    public async Task List_filters_by_prefix_and_pages_with_continuation_tokens()
    {
        var bucket = await NewBucketAsync("list");
        var expected = Enumerable.Range(0, 7).Select(i => $"p/key-{i:00}").ToList();
        foreach (var key in expected.Concat(["q/other-1", "q/other-2", "top"]))
        {
            await _client.PutObjectAsync(bucket, key, Encoding.UTF8.GetBytes(key), cancellationToken: Ct);
        }

        var pages = new List<ListObjectsV2Result>();
        string? token = null;
        do
        {
            var page = await _client.ListObjectsV2Async(bucket, new ListObjectsV2Request { Prefix = "p/", MaxKeys = 2, ContinuationToken = token }, Ct);
            pages.Add(page);
            token = page.NextContinuationToken;
            Assert.Equal(page.IsTruncated, token is not null);
        }
        while (token is not null);

        Assert.Equal([2, 2, 2, 1], pages.Select(p => p.Objects.Count));
        Assert.Equal(expected, pages.SelectMany(p => p.Objects).Select(o => o.Key));
        var first = pages[0].Objects[0];
        Assert.Equal(8, first.Size);
        Assert.StartsWith("\"", first.ETag, StringComparison.Ordinal);
        Assert.InRange(first.LastModified, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));

        var all = await _client.ListAllObjectsAsync(S3Location.Parse($"s3://{bucket}/p/"), pageSize: 3, Ct).Select(o => o.Key).ToListAsync(Ct);
        Assert.Equal(expected, all);
        Assert.Equal(10, await _client.ListAllObjectsAsync(bucket, cancellationToken: Ct).CountAsync(Ct));

        var after = await _client.ListObjectsV2Async(bucket, new ListObjectsV2Request { Prefix = "p/", StartAfter = "p/key-04" }, Ct);
        Assert.Equal(["p/key-05", "p/key-06"], after.Objects.Select(o => o.Key));

        var folders = await _client.ListObjectsV2Async(bucket, new ListObjectsV2Request { Delimiter = "/" }, Ct);
        Assert.Equal(["p/", "q/"], folders.CommonPrefixes);
        Assert.Equal(["top"], folders.Objects.Select(o => o.Key));
    }

    [Fact]
    public async Task Keys_with_awkward_characters_round_trip()
    {
        var bucket = await NewBucketAsync("keys");
        string[] keys =
        [
            "with space/and  two spaces.txt",
            "unicode/ünïcødé-ключ-鍵-🔑.json",
            "plus+equals=amp&question?hash#.txt",
            "literal%2Fpercent%20escapes%",
            "tilde~star*parens(1)!apostrophe'.bin",
            "semicolon;colon:comma,at@dollar$.txt",
            "brackets[]{}^|`\"<>\\.txt",
            "deep/ly/nested/path/to/key",
        ];
        foreach (var key in keys)
        {
            await _client.PutObjectAsync(bucket, key, Encoding.UTF8.GetBytes("content of " + key), "text/plain; charset=utf-8", Ct);
        }

        foreach (var key in keys)
        {
            Assert.Equal("content of " + key, Encoding.UTF8.GetString(await _client.GetObjectBytesAsync(bucket, key, Ct)));
            Assert.Equal(Encoding.UTF8.GetByteCount("content of " + key), (await _client.HeadObjectAsync(bucket, key, Ct))?.ContentLength);
        }

        var listed = await _client.ListAllObjectsAsync(bucket, cancellationToken: Ct).Select(o => o.Key).ToListAsync(Ct);
        Assert.Equal(keys.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        var byPrefix = await _client.ListObjectsV2Async(bucket, new ListObjectsV2Request { Prefix = "unicode/ünï" }, Ct);
        Assert.Equal(["unicode/ünïcødé-ключ-鍵-🔑.json"], byPrefix.Objects.Select(o => o.Key));

        foreach (var key in keys)
        {
            await _client.DeleteObjectAsync(bucket, key, Ct);
        }

        Assert.Empty((await _client.ListObjectsV2Async(bucket, cancellationToken: Ct)).Objects);
    }

    [Fact]
    public async Task Missing_objects_and_buckets_are_typed()
    {
        var bucket = await NewBucketAsync("missing");
        Assert.Null(await _client.HeadObjectAsync(bucket, "nope", Ct));

        var noKey = await Assert.ThrowsAsync<S3Exception>(() => _client.GetObjectAsync(bucket, "nope", cancellationToken: Ct));
        Assert.Equal((404, "NoSuchKey"), (noKey.StatusCode, noKey.ErrorCode));
        Assert.True(noKey.IsNotFound);
        Assert.Contains("does not exist", noKey.ErrorMessage, StringComparison.Ordinal);

        var noBucket = await Assert.ThrowsAsync<S3Exception>(() => _client.ListObjectsV2Async(S3rverFixture.NewBucketName("absent"), cancellationToken: Ct));
        Assert.Equal((404, "NoSuchBucket"), (noBucket.StatusCode, noBucket.ErrorCode));
        Assert.Null(await _client.HeadObjectAsync(S3rverFixture.NewBucketName("absent"), "k", Ct));
    }

    [Fact]
    public async Task Wrong_secret_is_a_403_SignatureDoesNotMatch_and_is_not_retried()
    {
        var bucket = await NewBucketAsync("auth");
        var counter = new CountingHandler();
        using var http = new HttpClient(counter);
        using var wrong = TestClients.For(s3rver.Endpoint, new Kinesis.StaticCredentialsProvider(S3rverFixture.AccessKeyId, "not-the-secret"), maxRetries: 3, http: http);
        var e = await Assert.ThrowsAsync<S3Exception>(() => wrong.PutObjectAsync(bucket, "k", new byte[] { 1 }, cancellationToken: Ct));
        Assert.Equal((403, "SignatureDoesNotMatch"), (e.StatusCode, e.ErrorCode));
        Assert.True(e.IsAccessDenied);
        Assert.False(string.IsNullOrEmpty(e.RequestId));
        Assert.Equal(1, counter.Count);
    }

    [Fact]
    public async Task Unknown_access_key_is_a_403_InvalidAccessKeyId()
    {
        var bucket = await NewBucketAsync("authkey");
        using var unknown = TestClients.For(s3rver.Endpoint, new Kinesis.StaticCredentialsProvider("AKIDUNKNOWN", S3rverFixture.SecretAccessKey));
        var e = await Assert.ThrowsAsync<S3Exception>(() => unknown.ListObjectsV2Async(bucket, cancellationToken: Ct));
        Assert.Equal((403, "InvalidAccessKeyId"), (e.StatusCode, e.ErrorCode));
    }

    [Fact]
    public async Task S3rver_alone_checks_the_access_key_but_not_v4_signatures()
    {
        // Why the fixture puts a verifying proxy in front: this request carries a bad signature and s3rver accepts it.
        var bucket = await NewBucketAsync("direct");
        using var wrongSecret = TestClients.For(s3rver.UnverifiedEndpoint, new Kinesis.StaticCredentialsProvider(S3rverFixture.AccessKeyId, "not-the-secret"));
        await wrongSecret.PutObjectAsync(bucket, "k", new byte[] { 1 }, cancellationToken: Ct);

        using var unknownKey = TestClients.For(s3rver.UnverifiedEndpoint, new Kinesis.StaticCredentialsProvider("AKIDUNKNOWN", "x"));
        var e = await Assert.ThrowsAsync<S3Exception>(() => unknownKey.HeadObjectAsync(bucket, "k", Ct));
        Assert.Equal(403, e.StatusCode);
    }

    private async Task<string> NewBucketAsync(string prefix)
    {
        var bucket = S3rverFixture.NewBucketName(prefix);
        await _client.CreateBucketAsync(bucket, Ct);
        return bucket;
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Ct);
        return copy.ToArray();
    }

    private sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
