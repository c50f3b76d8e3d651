using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Upt.Kinesis.Internal;

namespace Upt.Kinesis;

/// <summary>
/// <see cref="IKinesisClient"/> over HTTP with the Amazon JSON 1.1 protocol, SigV4 signing and retries
/// (exponential backoff with jitter) on throttling, HTTP 5xx, network errors and timeouts.
/// Thread-safe; create one per endpoint and share it.
/// </summary>
public sealed partial class KinesisClient : IKinesisClient, IDisposable
{
    private const string TargetPrefix = "Kinesis_20131202.";
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/x-amz-json-1.1");

    private readonly KinesisClientOptions _options;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly IAwsCredentialsProvider _credentials;
    private readonly ILogger _logger;
    private readonly Uri _endpoint;
    private readonly string _host;

    /// <summary>Creates the client.</summary>
    /// <param name="options">Endpoint, region, retry and timeout settings; validated here.</param>
    /// <param name="httpClient">The HTTP client to use (not disposed by this client); null creates a private one.</param>
    /// <param name="credentials">Where credentials come from; null uses <see cref="DefaultCredentialsChain"/>.</param>
    /// <param name="logger">Logs retries and failures; never credentials.</param>
    public KinesisClient(KinesisClientOptions options, HttpClient? httpClient = null, IAwsCredentialsProvider? credentials = null, ILogger<KinesisClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _endpoint = options.ResolveServiceUrl();
        _host = _endpoint.Authority;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _credentials = credentials ?? new DefaultCredentialsChain();
        if (httpClient is null)
        {
            _http = new HttpClient(new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AutomaticDecompression = System.Net.DecompressionMethods.None,
            })
            {
                Timeout = Timeout.InfiniteTimeSpan,
            };
            _ownsHttp = true;
        }
        else
        {
            _http = httpClient;
        }
    }

    /// <summary>The endpoint requests go to.</summary>
    public Uri Endpoint => _endpoint;

    /// <inheritdoc />
    public async Task CreateStreamAsync(string streamName, int shardCount, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamName);
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        var body = Write(w =>
        {
            w.WriteString("StreamName", streamName);
            w.WriteNumber("ShardCount", shardCount);
        });
        (await SendAsync("CreateStream", body, cancellationToken).ConfigureAwait(false)).Dispose();
    }

    /// <inheritdoc />
    public async Task DeleteStreamAsync(string streamName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamName);
        (await SendAsync("DeleteStream", Write(w => w.WriteString("StreamName", streamName)), cancellationToken).ConfigureAwait(false)).Dispose();
    }

    /// <inheritdoc />
    public async Task<StreamSummary> DescribeStreamSummaryAsync(string streamName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamName);
        using var answer = await SendAsync("DescribeStreamSummary", Write(w => w.WriteString("StreamName", streamName)), cancellationToken).ConfigureAwait(false);
        return KinesisJson.ReadStreamSummary(answer.Span);
    }

    /// <inheritdoc />
    public async Task WaitForActiveAsync(string streamName, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamName);
        var deadline = DateTime.UtcNow + timeout;
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            var summary = await DescribeStreamSummaryAsync(streamName, cancellationToken).ConfigureAwait(false);
            if (summary.StreamStatus == "ACTIVE")
            {
                return;
            }

            if (DateTime.UtcNow + delay > deadline)
            {
                throw new TimeoutException($"Stream {streamName} is still {summary.StreamStatus} after {timeout.TotalSeconds:0.#} s.");
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromMilliseconds(Math.Min(1000, delay.TotalMilliseconds * 2));
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<KinesisShard>> ListShardsAsync(string streamName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamName);
        var all = new List<KinesisShard>();
        string? token = null;
        do
        {
            // With NextToken the API rejects StreamName.
            var body = token is null
                ? Write(w => w.WriteString("StreamName", streamName))
                : Write(w => w.WriteString("NextToken", token));
            using var answer = await SendAsync("ListShards", body, cancellationToken).ConfigureAwait(false);
            var (shards, next) = KinesisJson.ReadListShards(answer.Span);
            all.AddRange(shards);
            token = string.IsNullOrEmpty(next) ? null : next;
        }
        while (token is not null);

        return all;
    }

    /// <inheritdoc />
    public async Task<string> GetShardIteratorAsync(string streamName, string shardId, ShardIteratorType type, string? startingSequenceNumber = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamName);
        ArgumentException.ThrowIfNullOrEmpty(shardId);
        var wireType = type switch
        {
            ShardIteratorType.TrimHorizon => "TRIM_HORIZON",
            ShardIteratorType.Latest => "LATEST",
            ShardIteratorType.AtSequenceNumber => "AT_SEQUENCE_NUMBER",
            ShardIteratorType.AfterSequenceNumber => "AFTER_SEQUENCE_NUMBER",
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown shard iterator type."),
        };
        if (type is ShardIteratorType.AtSequenceNumber or ShardIteratorType.AfterSequenceNumber && string.IsNullOrEmpty(startingSequenceNumber))
        {
            throw new ArgumentException($"{type} needs a starting sequence number.", nameof(startingSequenceNumber));
        }

        var body = Write(w =>
        {
            w.WriteString("StreamName", streamName);
            w.WriteString("ShardId", shardId);
            w.WriteString("ShardIteratorType", wireType);
            if (type is ShardIteratorType.AtSequenceNumber or ShardIteratorType.AfterSequenceNumber)
            {
                w.WriteString("StartingSequenceNumber", startingSequenceNumber);
            }
        });
        using var answer = await SendAsync("GetShardIterator", body, cancellationToken).ConfigureAwait(false);
        return KinesisJson.ReadShardIterator(answer.Span);
    }

    /// <inheritdoc />
    public async Task<GetRecordsResult> GetRecordsAsync(string shardIterator, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(shardIterator);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 10_000);
        var body = Write(w =>
        {
            w.WriteString("ShardIterator", shardIterator);
            w.WriteNumber("Limit", limit);
        });
        using var answer = await SendAsync("GetRecords", body, cancellationToken).ConfigureAwait(false);
        return KinesisJson.ReadGetRecords(answer.Span);
    }

    /// <inheritdoc />
    public async Task<PutRecordResult> PutRecordAsync(string streamName, ReadOnlyMemory<byte> data, string partitionKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamName);
        ArgumentException.ThrowIfNullOrEmpty(partitionKey);
        var body = Write(w =>
        {
            w.WriteString("StreamName", streamName);
            w.WriteBase64String("Data", data.Span);
            w.WriteString("PartitionKey", partitionKey);
        });
        using var answer = await SendAsync("PutRecord", body, cancellationToken).ConfigureAwait(false);
        return KinesisJson.ReadPutRecord(answer.Span);
    }

    /// <inheritdoc />
    public async Task<PutRecordsResult> PutRecordsAsync(string streamName, IReadOnlyList<PutRecordsEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamName);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count is < 1 or > 500)
        {
            throw new ArgumentException($"PutRecords takes 1 to 500 entries (got {entries.Count}).", nameof(entries));
        }

        var body = Write(w =>
        {
            w.WriteString("StreamName", streamName);
            w.WriteStartArray("Records");
            foreach (var e in entries)
            {
                ArgumentException.ThrowIfNullOrEmpty(e.PartitionKey, nameof(entries));
                w.WriteStartObject();
                w.WriteBase64String("Data", e.Data.Span);
                w.WriteString("PartitionKey", e.PartitionKey);
                if (e.ExplicitHashKey is not null)
                {
                    w.WriteString("ExplicitHashKey", e.ExplicitHashKey);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
        using var answer = await SendAsync("PutRecords", body, cancellationToken).ConfigureAwait(false);
        return KinesisJson.ReadPutRecords(answer.Span, entries.Count);
    }

    /// <inheritdoc />
    public async Task SplitShardAsync(string streamName, string shardToSplit, string newStartingHashKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamName);
        ArgumentException.ThrowIfNullOrEmpty(shardToSplit);
        ArgumentException.ThrowIfNullOrEmpty(newStartingHashKey);
        var body = Write(w =>
        {
            w.WriteString("StreamName", streamName);
            w.WriteString("ShardToSplit", shardToSplit);
            w.WriteString("NewStartingHashKey", newStartingHashKey);
        });
        (await SendAsync("SplitShard", body, cancellationToken).ConfigureAwait(false)).Dispose();
    }

    /// <inheritdoc />
    public async Task MergeShardsAsync(string streamName, string shardToMerge, string adjacentShardToMerge, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamName);
        ArgumentException.ThrowIfNullOrEmpty(shardToMerge);
        ArgumentException.ThrowIfNullOrEmpty(adjacentShardToMerge);
        var body = Write(w =>
        {
            w.WriteString("StreamName", streamName);
            w.WriteString("ShardToMerge", shardToMerge);
            w.WriteString("AdjacentShardToMerge", adjacentShardToMerge);
        });
        (await SendAsync("MergeShards", body, cancellationToken).ConfigureAwait(false)).Dispose();
    }

    /// <summary>Disposes the HTTP client if this instance created it.</summary>
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private static byte[] Write(Action<Utf8JsonWriter> writeProperties)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Sends one operation with retries; returns the body of the 2xx answer (the caller disposes it).</summary>
    private async Task<PooledResponseBody> SendAsync(string operation, byte[] body, CancellationToken cancellationToken)
    {
        var payloadHash = SigV4Signer.HashPayload(body);
        for (var attempt = 0; ; attempt++)
        {
            Exception failure;
            try
            {
                return await SendOnceAsync(operation, body, payloadHash, cancellationToken).ConfigureAwait(false);
            }
            catch (KinesisException e) when (KinesisErrors.IsRetryable(e) && attempt < _options.MaxRetries)
            {
                failure = e;
            }
            catch (HttpRequestException e) when (attempt < _options.MaxRetries)
            {
                failure = e;
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && attempt < _options.MaxRetries)
            {
                failure = e; // the per-attempt timeout fired
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Kinesis {operation} timed out after {_options.MaxRetries + 1} attempts of at most {_options.RequestTimeout.TotalSeconds:0.#} s.", e);
            }

            var delay = Backoff(attempt);
            LogRetry(_logger, operation, attempt + 1, _options.MaxRetries, delay.TotalMilliseconds, failure is KinesisException k ? k.ErrorType : failure.GetType().Name, failure.Message);
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private TimeSpan Backoff(int attempt) => AwsDefaults.Backoff(attempt, _options.InitialBackoff, _options.MaxBackoff);

    private async Task<PooledResponseBody> SendOnceAsync(string operation, byte[] body, string payloadHash, CancellationToken cancellationToken)
    {
        var credentials = await _credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        var target = TargetPrefix + operation;
        var signed = SigV4Signer.Sign(
            new SigV4Request
            {
                Method = "POST",
                Uri = _endpoint,
                Headers =
                [
                    new("content-type", "application/x-amz-json-1.1"),
                    new("host", _host),
                    new("x-amz-target", target),
                ],
                PayloadHash = payloadHash,
                Service = "kinesis",
                Region = _options.Region,
            },
            credentials,
            DateTimeOffset.UtcNow);

        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint);
        request.Version = System.Net.HttpVersion.Version11;
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        request.Headers.TryAddWithoutValidation("X-Amz-Date", signed.AmzDate);
        request.Headers.TryAddWithoutValidation("X-Amz-Content-Sha256", payloadHash);
        if (!string.IsNullOrEmpty(credentials.SessionToken))
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", credentials.SessionToken);
        }

        request.Headers.TryAddWithoutValidation("Authorization", signed.Authorization);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = JsonContentType;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_options.RequestTimeout != Timeout.InfiniteTimeSpan)
        {
            timeout.CancelAfter(_options.RequestTimeout);
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        var answer = await PooledResponseBody.ReadAsync(response.Content, timeout.Token).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return answer;
        }

        using var failed = answer;
        var errorTypeHeader = response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.FirstOrDefault() : null;
        var error = KinesisErrors.Parse((int)response.StatusCode, failed.Span, errorTypeHeader);
        LogError(_logger, operation, (int)response.StatusCode, error.ErrorType, error.Message);
        throw error;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Kinesis {Operation} failed ({ErrorType}: {ErrorMessage}); retry {Attempt}/{MaxRetries} in {DelayMs:0} ms")]
    private static partial void LogRetry(ILogger logger, string operation, int attempt, int maxRetries, double delayMs, string errorType, string errorMessage);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Kinesis {Operation} answered HTTP {StatusCode}: {ErrorType}: {ErrorMessage}")]
    private static partial void LogError(ILogger logger, string operation, int statusCode, string errorType, string errorMessage);
}
