using System.Text;
using System.Text.Json;
using Upt.Kinesis.Internal;
using Xunit;

namespace Upt.Kinesis.Tests;

/// <summary>Error mapping, retries and pagination against canned answers.</summary>
public sealed class ProtocolTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Expired_iterator_error_body_maps_to_a_typed_exception()
    {
        var body = """{"__type":"com.amazonaws.kinesis.v20131202#ExpiredIteratorException","message":"Iterator expired. The iterator was created at time ..."}"""u8;
        var e = KinesisErrors.Parse(400, body, null);
        Assert.Equal("ExpiredIteratorException", e.ErrorType);
        Assert.True(e.IsExpiredIterator);
        Assert.StartsWith("Iterator expired", e.Message["ExpiredIteratorException: ".Length..]);
        Assert.False(KinesisErrors.IsRetryable(e));
    }

    [Theory]
    [InlineData("""{"__type":"ProvisionedThroughputExceededException","message":"Rate exceeded"}""", 400, "ProvisionedThroughputExceededException", true)]
    [InlineData("""{"__type":"LimitExceededException","Message":"too many"}""", 400, "LimitExceededException", true)]
    [InlineData("""{"__type":"KMSThrottlingException"}""", 400, "KMSThrottlingException", true)]
    [InlineData("""{"__type":"ResourceNotFoundException","message":"Stream x not found"}""", 400, "ResourceNotFoundException", false)]
    [InlineData("""{"__type":"ValidationException","message":"1 validation error"}""", 400, "ValidationException", false)]
    [InlineData("""{"__type":"InternalFailure"}""", 500, "InternalFailure", true)]
    [InlineData("<html>bad gateway</html>", 502, "InternalFailure", true)]
    [InlineData("", 503, "InternalFailure", true)]
    public void Errors_are_parsed_and_classified(string body, int status, string type, bool retryable)
    {
        var e = KinesisErrors.Parse(status, Encoding.UTF8.GetBytes(body), null);
        Assert.Equal(type, e.ErrorType);
        Assert.Equal(status, e.StatusCode);
        Assert.Equal(retryable, KinesisErrors.IsRetryable(e));
    }

    [Fact]
    public void Error_type_header_is_the_fallback()
    {
        var e = KinesisErrors.Parse(400, "{}"u8, "ResourceInUseException:http://internal.amazon.com/coral/com.amazon.coral.service/");
        Assert.True(e.IsInUse);
    }

    [Fact]
    public void Timestamps_accept_epoch_seconds_and_iso_strings()
    {
        var result = KinesisJson.ReadGetRecords("""
            {"Records":[
              {"SequenceNumber":"1","ApproximateArrivalTimestamp":1700000000.123,"Data":"AAE=","PartitionKey":"a"},
              {"SequenceNumber":"2","ApproximateArrivalTimestamp":"2024-01-02T03:04:05.678Z","Data":"","PartitionKey":"b","EncryptionType":"NONE"}],
             "NextShardIterator":null,"MillisBehindLatest":42,"ChildShards":[{"ShardId":"x","ParentShards":["y"]}]}
            """u8);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123), result.Records[0].ApproximateArrivalTimestamp);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, 678, TimeSpan.Zero), result.Records[1].ApproximateArrivalTimestamp);
        Assert.Equal([0, 1], result.Records[0].Data.ToArray());
        Assert.Null(result.NextShardIterator);
        Assert.Equal(42, result.MillisBehindLatest);
    }

    [Fact]
    public async Task Throttling_is_retried_with_backoff_then_succeeds()
    {
        await using var server = new FakeHttpServer((_, n) => n <= 2
            ? (400, """{"__type":"ProvisionedThroughputExceededException","message":"Rate exceeded for shard"}""")
            : (200, """{"ShardId":"shardId-000000000000","SequenceNumber":"49590338271490256608559692538361571095921575989136588898"}"""));
        using var client = TestClients.For(server.Endpoint);
        var result = await client.PutRecordAsync("s", new byte[] { 1, 2, 3 }, "pk", Ct);
        Assert.Equal("shardId-000000000000", result.ShardId);
        Assert.Equal(3, server.Requests.Count);

        // Every attempt is a well-formed, freshly signed JSON 1.1 request.
        foreach (var r in server.Requests)
        {
            Assert.Equal("POST", r.Method);
            Assert.Equal("/", r.PathAndQuery);
            Assert.Equal("Kinesis_20131202.PutRecord", r.Headers["X-Amz-Target"]);
            Assert.Equal("application/x-amz-json-1.1", r.Headers["Content-Type"]);
            Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDUPTTEST/", r.Headers["Authorization"]);
            using var json = JsonDocument.Parse(r.Body);
            Assert.Equal("AQID", json.RootElement.GetProperty("Data").GetString());
        }
    }

    [Fact]
    public async Task Non_retryable_errors_are_thrown_at_once()
    {
        await using var server = new FakeHttpServer((_, _) => (400, """{"__type":"ExpiredIteratorException","message":"Iterator expired"}"""));
        using var client = TestClients.For(server.Endpoint);
        var e = await Assert.ThrowsAsync<KinesisException>(() => client.GetRecordsAsync("it", 10, Ct));
        Assert.True(e.IsExpiredIterator);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Retries_stop_after_MaxRetries()
    {
        await using var server = new FakeHttpServer((_, _) => (500, """{"__type":"InternalFailure"}"""));
        using var client = TestClients.For(server.Endpoint, maxRetries: 2);
        var e = await Assert.ThrowsAsync<KinesisException>(() => client.DescribeStreamSummaryAsync("s", Ct));
        Assert.Equal(500, e.StatusCode);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Network_errors_are_retried()
    {
        // Nothing listens on this port: every attempt fails to connect.
        var endpoint = new Uri($"http://127.0.0.1:{Upt.DevInfra.FreePort.Next()}/");
        using var client = TestClients.For(endpoint, maxRetries: 2);
        await Assert.ThrowsAsync<HttpRequestException>(() => client.DescribeStreamSummaryAsync("s", Ct));
    }

    [Fact]
    public async Task ListShards_follows_NextToken_without_StreamName()
    {
        static string Shard(int i) => $$$"""{"ShardId":"shardId-{{{i:D12}}}","HashKeyRange":{"StartingHashKey":"{{{i}}}","EndingHashKey":"{{{i}}}"},"SequenceNumberRange":{"StartingSequenceNumber":"{{{i}}}"}}""";
        await using var server = new FakeHttpServer((_, n) => n switch
        {
            1 => (200, $$"""{"Shards":[{{Shard(0)}},{{Shard(1)}}],"NextToken":"page-2"}"""),
            2 => (200, $$"""{"Shards":[{{Shard(2)}}],"NextToken":"page-3"}"""),
            _ => (200, $$"""{"Shards":[{{Shard(3)}}]}"""),
        });
        using var client = TestClients.For(server.Endpoint);
        var shards = await client.ListShardsAsync("paged", Ct);
        Assert.Equal(["shardId-000000000000", "shardId-000000000001", "shardId-000000000002", "shardId-000000000003"], shards.Select(s => s.ShardId));
        var bodies = server.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal("paged", bodies[0].GetProperty("StreamName").GetString());
        Assert.False(bodies[0].TryGetProperty("NextToken", out _));
        Assert.Equal("page-2", bodies[1].GetProperty("NextToken").GetString());
        Assert.False(bodies[1].TryGetProperty("StreamName", out _));
        Assert.Equal("page-3", bodies[2].GetProperty("NextToken").GetString());
        Assert.False(bodies[2].TryGetProperty("StreamName", out _));
    }

    [Fact]
    public void Options_are_validated_with_clear_messages()
    {
        var e = Assert.Throws<ArgumentException>(() => new KinesisClientOptions { Region = "", MaxRetries = -1, MaxBackoff = TimeSpan.FromMilliseconds(1) }.Validate());
        Assert.Contains("Region", e.Message);
        Assert.Contains("MaxRetries", e.Message);
        Assert.Contains("MaxBackoff", e.Message);
        Assert.Equal(new Uri("https://kinesis.eu-west-3.amazonaws.com/"), new KinesisClientOptions { Region = "eu-west-3" }.ResolveServiceUrl());
        Assert.Throws<ArgumentException>(() => new KinesisClient(new KinesisClientOptions { ServiceUrl = new Uri("ftp://x/") }, credentials: TestClients.Credentials));
    }
}
