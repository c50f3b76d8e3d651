using System.Net;

namespace Upt.S3.Tests;

/// <summary>Which failures are retried and how often, against canned answers.</summary>
public sealed class RetryTests
{
    private static readonly Uri Endpoint = new("http://127.0.0.1:1/");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(503, "SlowDown")]
    [InlineData(500, "InternalError")]
    [InlineData(503, "ServiceUnavailable")]
    [InlineData(400, "RequestTimeout")]
    [InlineData(400, "Throttling")]
    [InlineData(429, "TooManyRequests")]
    [InlineData(502, "")]
    public async Task Transient_errors_are_retried_until_success(int status, string code)
    {
        var handler = new StubHandler((_, n) => n < 3
            ? StubHandler.Xml((HttpStatusCode)status, code.Length == 0 ? "<html>bad gateway</html>" : StubHandler.Error(code, "try again"))
            : StubHandler.Empty(HttpStatusCode.OK, ("ETag", "\"abc\"")));
        using var client = Client(handler, maxRetries: 3);
        var put = await client.PutObjectAsync("bkt", "k", new byte[] { 1, 2, 3 }, cancellationToken: Ct);
        Assert.Equal("\"abc\"", put.ETag);
        Assert.Equal(3, handler.Count);
        Assert.All(handler.Requests, r => Assert.Equal([1, 2, 3], r.Body));
    }

    [Fact]
    public async Task Retries_stop_at_MaxRetries_and_the_last_error_is_thrown()
    {
        var handler = new StubHandler((_, _) => StubHandler.Xml(HttpStatusCode.ServiceUnavailable, StubHandler.Error("SlowDown", "Please reduce your request rate."), ("x-amz-request-id", "REQ123")));
        using var client = Client(handler, maxRetries: 2);
        var e = await Assert.ThrowsAsync<S3Exception>(() => client.DeleteObjectAsync("bkt", "k", Ct));
        Assert.Equal((503, "SlowDown", "Please reduce your request rate.", "REQ123"), (e.StatusCode, e.ErrorCode, e.ErrorMessage, e.RequestId));
        Assert.Equal(3, handler.Count);
    }

    [Theory]
    [InlineData(400, "InvalidArgument")]
    [InlineData(403, "AccessDenied")]
    [InlineData(404, "NoSuchKey")]
    [InlineData(409, "OperationAborted")]
    [InlineData(501, "NotImplemented")]
    public async Task Other_client_errors_are_final(int status, string code)
    {
        var handler = new StubHandler((_, _) => StubHandler.Xml((HttpStatusCode)status, StubHandler.Error(code, "no", "BODYID")));
        using var client = Client(handler, maxRetries: 5);
        var e = await Assert.ThrowsAsync<S3Exception>(() => client.GetObjectAsync("bkt", "k", cancellationToken: Ct));
        Assert.Equal((status, code, "BODYID"), (e.StatusCode, e.ErrorCode, e.RequestId));
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task Network_errors_are_retried()
    {
        var handler = new StubHandler((_, n) => n == 1
            ? throw new HttpRequestException(HttpRequestError.ConnectionError, "connection refused")
            : StubHandler.Xml(HttpStatusCode.OK, "<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>"));
        using var client = Client(handler, maxRetries: 2);
        var page = await client.ListObjectsV2Async("bkt", cancellationToken: Ct);
        Assert.Empty(page.Objects);
        Assert.Equal(2, handler.Count);
    }

    [Fact]
    public async Task Tls_failures_are_not_retried()
    {
        var handler = new StubHandler((_, _) => throw new HttpRequestException(HttpRequestError.SecureConnectionError, "bad certificate"));
        using var client = Client(handler, maxRetries: 3);
        await Assert.ThrowsAsync<HttpRequestException>(() => client.HeadObjectAsync("bkt", "k", Ct));
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task A_hanging_attempt_times_out_is_retried_then_reported_as_TimeoutException()
    {
        var handler = new StubHandler(async (_, _, requestAborted) =>
        {
            await Task.Delay(Timeout.Infinite, requestAborted);
            return StubHandler.Empty(HttpStatusCode.OK);
        });
        var options = TestClients.Options(Endpoint, maxRetries: 1);
        options.RequestTimeout = TimeSpan.FromMilliseconds(100);
        using var http = new HttpClient(handler);
        using var client = new S3Client(options, http, TestClients.S3rverCredentials);
        await Assert.ThrowsAsync<TimeoutException>(() => client.HeadObjectAsync("bkt", "k", Ct));
        Assert.Equal(2, handler.Count);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_retried()
    {
        using var cts = new CancellationTokenSource();
        var handler = new StubHandler(async (_, _, requestAborted) =>
        {
            await cts.CancelAsync();
            await Task.Delay(Timeout.Infinite, requestAborted);
            return StubHandler.Empty(HttpStatusCode.OK);
        });
        using var client = Client(handler, maxRetries: 3);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.HeadObjectAsync("bkt", "k", cts.Token));
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task A_seekable_upload_is_rewound_for_each_attempt()
    {
        var handler = new StubHandler((_, n) => n == 1 ? StubHandler.Xml(HttpStatusCode.InternalServerError, StubHandler.Error("InternalError", "x")) : StubHandler.Empty(HttpStatusCode.OK));
        using var client = Client(handler, maxRetries: 2);
        var stream = new MemoryStream([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]) { Position = 2 };
        await client.PutObjectAsync("bkt", "k", stream, 5, cancellationToken: Ct);
        Assert.Equal(2, handler.Count);
        Assert.All(handler.Requests, r =>
        {
            Assert.Equal([2, 3, 4, 5, 6], r.Body);
            Assert.Equal(Kinesis.SigV4Signer.HashPayload(r.Body), r.Headers["x-amz-content-sha256"]);
        });
    }

    [Fact]
    public async Task A_non_seekable_upload_is_sent_unsigned_and_never_retried()
    {
        var handler = new StubHandler((_, _) => StubHandler.Xml(HttpStatusCode.ServiceUnavailable, StubHandler.Error("SlowDown", "x")));
        using var client = Client(handler, maxRetries: 3);
        await using var stream = new NonSeekableStream(new MemoryStream([1, 2, 3]));
        var e = await Assert.ThrowsAsync<S3Exception>(() => client.PutObjectAsync("bkt", "k", stream, 3, cancellationToken: Ct));
        Assert.Equal("SlowDown", e.ErrorCode);
        var sent = Assert.Single(handler.Requests);
        Assert.Equal("UNSIGNED-PAYLOAD", sent.Headers["x-amz-content-sha256"]);
        Assert.Equal([1, 2, 3], sent.Body);
    }

    [Fact]
    public async Task A_short_seekable_stream_is_refused_before_sending()
    {
        var handler = new StubHandler((_, _) => StubHandler.Empty(HttpStatusCode.OK));
        using var client = Client(handler, maxRetries: 0);
        await Assert.ThrowsAsync<ArgumentException>(() => client.PutObjectAsync("bkt", "k", new MemoryStream([1, 2]), 3, cancellationToken: Ct));
        Assert.Equal(0, handler.Count);
    }

    private static S3Client Client(StubHandler handler, int maxRetries) =>
        new(TestClients.Options(Endpoint, maxRetries), new HttpClient(handler), TestClients.S3rverCredentials);
}
