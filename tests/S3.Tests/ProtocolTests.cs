using System.Net;
using System.Text;
using Upt.S3.Internal;

namespace Upt.S3.Tests;

/// <summary>XML answers, error mapping, HEAD and CreateBucket semantics, ranges, against canned answers.</summary>
public sealed class ProtocolTests
{
    private static readonly Uri Endpoint = new("http://127.0.0.1:1/");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Aws_list_result_with_url_encoding_is_decoded()
    {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <Name>bkt</Name><Prefix>a%2Bb+c%2F</Prefix><KeyCount>2</KeyCount><MaxKeys>2</MaxKeys><Delimiter>%2F</Delimiter>
              <EncodingType>url</EncodingType><IsTruncated>true</IsTruncated>
              <NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken>
              <Contents><Key>a%2Bb+c%2F%C3%BC%25.txt</Key><LastModified>2024-01-02T03:04:05.678Z</LastModified>
                <ETag>"9b2cf535f27731c974343645a3985328"</ETag><Size>1234</Size><StorageClass>STANDARD</StorageClass></Contents>
              <Contents><Key>plain</Key><LastModified>2024-01-02T03:04:06.000Z</LastModified><ETag>"x-2"</ETag><Size>0</Size></Contents>
              <CommonPrefixes><Prefix>a%2Bb+c%2Fsub%2F</Prefix></CommonPrefixes>
            </ListBucketResult>
            """;
        var page = S3Xml.ReadListObjectsV2(new MemoryStream(Encoding.UTF8.GetBytes(xml)));
        Assert.Equal(
            [
                new S3ObjectSummary("a+b c/ü%.txt", 1234, "\"9b2cf535f27731c974343645a3985328\"", new DateTimeOffset(2024, 1, 2, 3, 4, 5, 678, TimeSpan.Zero), "STANDARD"),
                new S3ObjectSummary("plain", 0, "\"x-2\"", new DateTimeOffset(2024, 1, 2, 3, 4, 6, TimeSpan.Zero), null),
            ],
            page.Objects);
        Assert.Equal(["a+b c/sub/"], page.CommonPrefixes);
        Assert.True(page.IsTruncated);
        Assert.Equal("1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=", page.NextContinuationToken);
    }

    [Fact]
    public void Keys_are_taken_raw_when_the_server_does_not_confirm_url_encoding()
    {
        // s3rver ignores encoding-type=url and uses another namespace; decoding these keys would corrupt them.
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ListBucketResult xmlns="http://doc.s3.amazonaws.com/2006-03-01/"><Name>b</Name><Prefix></Prefix><KeyCount>1</KeyCount>
            <MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>
            <Contents><Key>50%25 off+more &amp; &lt;tags&gt;</Key><LastModified>2024-01-02T03:04:05.000Z</LastModified><ETag>"e"</ETag><Size>7</Size></Contents>
            </ListBucketResult>
            """;
        var page = S3Xml.ReadListObjectsV2(new MemoryStream(Encoding.UTF8.GetBytes(xml)));
        Assert.Equal("50%25 off+more & <tags>", Assert.Single(page.Objects).Key);
        Assert.False(page.IsTruncated);
        Assert.Null(page.NextContinuationToken);
    }

    [Theory]
    [InlineData("<ListBucketResult><IsTruncated>true</IsTruncated></ListBucketResult>")]
    [InlineData("<Error><Code>NoSuchBucket</Code></Error>")]
    [InlineData("<ListBucketResult><Contents><Size>1</Size></Contents></ListBucketResult>")]
    public void Malformed_list_results_are_rejected(string xml) =>
        Assert.Throws<InvalidDataException>(() => S3Xml.ReadListObjectsV2(new MemoryStream(Encoding.UTF8.GetBytes(xml))));

    [Fact]
    public void Dtds_are_refused()
    {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><ListBucketResult><Name>&e;</Name></ListBucketResult>";
        Assert.ThrowsAny<System.Xml.XmlException>(() => S3Xml.ReadListObjectsV2(new MemoryStream(Encoding.UTF8.GetBytes(xml))));
    }

    [Fact]
    public async Task Error_fields_come_from_the_body_then_the_headers_then_the_status()
    {
        using (var bodyAndHeader = StubHandler.Xml(HttpStatusCode.Forbidden, StubHandler.Error("AccessDenied", "Access Denied", "BODYID"), ("x-amz-request-id", "HEADERID")))
        {
            var e = S3Errors.Parse(403, await bodyAndHeader.Content.ReadAsByteArrayAsync(Ct), bodyAndHeader.Headers);
            Assert.Equal(("AccessDenied", "Access Denied", "HEADERID"), (e.ErrorCode, e.ErrorMessage, e.RequestId));
            Assert.Equal("S3 answered HTTP 403 AccessDenied: Access Denied (request id HEADERID)", e.Message);
        }

        using (var headOnly = StubHandler.Empty(HttpStatusCode.Forbidden, ("x-amz-error-code", "InvalidAccessKeyId"), ("x-amz-error-message", "unknown key")))
        {
            var e = S3Errors.Parse(403, ReadOnlyMemory<byte>.Empty, headOnly.Headers);
            Assert.Equal(("InvalidAccessKeyId", "unknown key", (string?)null), (e.ErrorCode, e.ErrorMessage, e.RequestId));
        }

        using (var bare = StubHandler.Xml(HttpStatusCode.BadGateway, "<html><body>Bad Gateway</body></html>"))
        {
            var e = S3Errors.Parse(502, await bare.Content.ReadAsByteArrayAsync(Ct), bare.Headers);
            Assert.Equal(("Http502", string.Empty), (e.ErrorCode, e.ErrorMessage));
            Assert.True(S3Errors.IsRetryable(e));
        }

        using var redirect = StubHandler.Xml(HttpStatusCode.MovedPermanently, StubHandler.Error("PermanentRedirect", "Use the right endpoint."), ("x-amz-bucket-region", "eu-west-3"));
        var moved = S3Errors.Parse(301, await redirect.Content.ReadAsByteArrayAsync(Ct), redirect.Headers);
        Assert.Equal("Use the right endpoint. (the bucket is in region eu-west-3)", moved.ErrorMessage);
        Assert.False(S3Errors.IsRetryable(moved));
    }

    [Fact]
    public async Task Head_returns_null_on_404_and_throws_on_403()
    {
        var handler = new StubHandler((r, _) => r.Uri.AbsolutePath.EndsWith("/missing", StringComparison.Ordinal)
            ? StubHandler.Empty(HttpStatusCode.NotFound)
            : StubHandler.Empty(HttpStatusCode.Forbidden, ("x-amz-request-id", "R1")));
        using var client = Client(handler);
        Assert.Null(await client.HeadObjectAsync("bkt", "missing", Ct));
        var e = await Assert.ThrowsAsync<S3Exception>(() => client.HeadObjectAsync("bkt", "secret", Ct));
        Assert.Equal((403, "Forbidden", "R1"), (e.StatusCode, e.ErrorCode, e.RequestId));
        Assert.All(handler.Requests, r => Assert.Equal("HEAD", r.Method));
    }

    [Fact]
    public async Task Create_bucket_accepts_own_existing_buckets_only()
    {
        var handler = new StubHandler((r, _) => (r.Method, r.Uri.AbsolutePath) switch
        {
            ("PUT", "/mine-owned") => StubHandler.Xml(HttpStatusCode.Conflict, StubHandler.Error("BucketAlreadyOwnedByYou", "yours")),
            ("PUT", _) => StubHandler.Xml(HttpStatusCode.Conflict, StubHandler.Error("BucketAlreadyExists", "taken")),
            ("HEAD", "/mine-exists") => StubHandler.Empty(HttpStatusCode.OK),
            _ => StubHandler.Empty(HttpStatusCode.Forbidden),
        });
        using var client = Client(handler);
        await client.CreateBucketAsync("mine-owned", Ct);
        await client.CreateBucketAsync("mine-exists", Ct);
        var e = await Assert.ThrowsAsync<S3Exception>(() => client.CreateBucketAsync("someone-elses", Ct));
        Assert.Equal((409, "BucketAlreadyExists"), (e.StatusCode, e.ErrorCode));
        Assert.Equal(["PUT /mine-owned", "PUT /mine-exists", "HEAD /mine-exists", "PUT /someone-elses", "HEAD /someone-elses"], handler.Requests.Select(r => $"{r.Method} {r.Uri.AbsolutePath}"));
        Assert.All(handler.Requests, r => Assert.Empty(r.Body));
    }

    [Fact]
    public async Task A_range_the_server_ignored_is_an_error_not_wrong_data()
    {
        var handler = new StubHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(new byte[100]) });
        using var client = Client(handler);
        await Assert.ThrowsAsync<InvalidDataException>(() => client.GetObjectAsync("bkt", "k", new ByteRange(10, 19), Ct));
        await using var whole = await client.GetObjectAsync("bkt", "k", new ByteRange(0), Ct);
        Assert.Equal(100, whole.ContentLength);
        Assert.Equal("bytes=0-", handler.Requests.Last().Headers["range"]);
    }

    [Fact]
    public async Task List_sends_list_type_2_and_its_parameters()
    {
        var handler = new StubHandler((_, _) => StubHandler.Xml(HttpStatusCode.OK, "<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>"));
        using var client = Client(handler);
        await client.ListObjectsV2Async("bkt", new ListObjectsV2Request { Prefix = "a b/", ContinuationToken = "t+/=", StartAfter = "z", MaxKeys = 7, Delimiter = "/" }, Ct);
        Assert.Equal(
            "/bkt?list-type=2&continuation-token=t%2B%2F%3D&delimiter=%2F&encoding-type=url&max-keys=7&prefix=a%20b%2F&start-after=z",
            Assert.Single(handler.Requests).Uri.PathAndQuery);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.ListObjectsV2Async("bkt", new ListObjectsV2Request { MaxKeys = 1001 }, Ct));
    }

    [Fact]
    public async Task Arguments_are_checked_before_anything_is_sent()
    {
        var handler = new StubHandler((_, _) => StubHandler.Empty(HttpStatusCode.OK));
        using var client = Client(handler);
        await Assert.ThrowsAsync<ArgumentException>(() => client.HeadObjectAsync("bkt", "", Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.HeadObjectAsync("bkt", new string('k', 1025), Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.HeadObjectAsync("a/b", "k", Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.PutObjectAsync("bkt", "k", Stream.Null, -1, cancellationToken: Ct));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ByteRange(5, 4));
        Assert.Equal(0, handler.Count);
    }

    private static S3Client Client(StubHandler handler) =>
        new(TestClients.Options(Endpoint, maxRetries: 0), new HttpClient(handler), TestClients.S3rverCredentials);
}
