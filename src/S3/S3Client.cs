using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Upt.Kinesis;
using Upt.S3.Internal;

namespace Upt.S3;

/// <summary>
/// <see cref="IS3Client"/> over HTTP with SigV4 (service <c>s3</c>, payload hash in <c>x-amz-content-sha256</c>) and retries
/// (exponential backoff with jitter) on HTTP 5xx, SlowDown and other throttling, network errors and timeouts; other 4xx answers
/// are final. Thread-safe; create one per endpoint and share it.
/// </summary>
/// <remarks>
/// Payloads are hashed and the hash is signed, so S3 rejects a body altered in transit. The one exception is
/// <see cref="PutObjectAsync(string, string, Stream, long, string?, CancellationToken)"/> with a non-seekable stream: hashing it
/// first would mean buffering the whole object, so it is sent with <c>UNSIGNED-PAYLOAD</c> (which S3 accepts for header-signed
/// requests). The headers are still signed; body integrity then rests on TLS, so use an https endpoint for such uploads, or a
/// seekable stream.
/// </remarks>
public sealed partial class S3Client : IS3Client, IDisposable
{
    private const long MaxSinglePutBytes = 5L * 1024 * 1024 * 1024;
    private const int MaxKeyBytes = 1024;

    private readonly S3ClientOptions _options;
    private readonly S3Endpoints _endpoints;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly IAwsCredentialsProvider _credentials;
    private readonly IDisposable? _ownedCredentials;
    private readonly ILogger _logger;

    /// <summary>Creates the client.</summary>
    /// <param name="options">Endpoint, region, addressing, retry and timeout settings; validated here.</param>
    /// <param name="httpClient">The HTTP client to use (not disposed by this client); null creates a private one.</param>
    /// <param name="credentials">Where credentials come from; null uses <see cref="DefaultCredentialsChain"/>.</param>
    /// <param name="logger">Logs retries and failures (operation and bucket, never keys or credentials).</param>
    public S3Client(S3ClientOptions options, HttpClient? httpClient = null, IAwsCredentialsProvider? credentials = null, ILogger<S3Client>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _endpoints = new S3Endpoints(options);
        _logger = logger ?? (ILogger)NullLogger.Instance;
        if (credentials is null)
        {
            var chain = new DefaultCredentialsChain();
            _ownedCredentials = chain;
            credentials = chain;
        }

        _credentials = credentials;
        if (httpClient is null)
        {
            _http = new HttpClient(new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectTimeout = options.ConnectTimeout,

                // Objects stored with Content-Encoding: gzip must come back byte for byte, not inflated.
                AutomaticDecompression = DecompressionMethods.None,
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

    /// <summary>The endpoint requests go to (for virtual-hosted style, buckets are prefixed to its host).</summary>
    public Uri Endpoint => _options.ResolveServiceUrl();

    /// <inheritdoc />
    public Task<ListObjectsV2Result> ListObjectsV2Async(string bucket, ListObjectsV2Request? request = null, CancellationToken cancellationToken = default)
    {
        CheckBucket(bucket);
        request ??= new ListObjectsV2Request();
        if (request.MaxKeys is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.MaxKeys, "MaxKeys must be between 1 and 1000.");
        }

        var query = new List<KeyValuePair<string, string>> { new("list-type", "2") };
        AddIfSet(query, "continuation-token", request.ContinuationToken);
        AddIfSet(query, "delimiter", request.Delimiter);

        // Keys may hold characters XML 1.0 cannot carry; S3 then URL-encodes them and says so in EncodingType.
        query.Add(new("encoding-type", "url"));
        AddIfSet(query, "max-keys", request.MaxKeys?.ToString(CultureInfo.InvariantCulture));
        AddIfSet(query, "prefix", request.Prefix);
        AddIfSet(query, "start-after", request.StartAfter);
        var call = new S3Call("ListObjectsV2", HttpMethod.Get, bucket, null) { Query = query };
        return ExecuteAsync(
            call,
            async (response, ct) =>
            {
                var xml = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
                return S3Xml.ReadListObjectsV2(new MemoryStream(xml, writable: false));
            },
            transferResponse: false,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<GetObjectResponse> GetObjectAsync(string bucket, string key, ByteRange? range = null, CancellationToken cancellationToken = default)
    {
        CheckBucket(bucket);
        CheckKey(key);
        var call = new S3Call("GetObject", HttpMethod.Get, bucket, key) { Range = range?.ToString() };
        return ExecuteAsync(
            call,
            async (response, ct) =>
            {
                var content = response.Content.Headers;
                var length = content.ContentLength;
                long? size = response.StatusCode == HttpStatusCode.PartialContent ? content.ContentRange?.Length : length;
                if (range is { } r && response.StatusCode == HttpStatusCode.OK && (r.From > 0 || (r.To is { } to && length is { } l && to < l - 1)))
                {
                    // A server without range support sends the whole object; handing that out as the range would corrupt data.
                    throw new InvalidDataException($"The server ignored the range {r} and sent the whole object (HTTP 200, {length} bytes).");
                }

                var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
                return new GetObjectResponse(response, body, length, size, Header(response, "ETag"), RawContentType(response), content.LastModified);
            },
            transferResponse: true,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<PutObjectResult> PutObjectAsync(string bucket, string key, ReadOnlyMemory<byte> content, string? contentType = null, CancellationToken cancellationToken = default)
    {
        CheckBucket(bucket);
        CheckKey(key);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((long)content.Length, MaxSinglePutBytes, nameof(content));
        return PutAsync(bucket, key, RequestBody.FromBytes(content), contentType, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<PutObjectResult> PutObjectAsync(string bucket, string key, Stream content, long contentLength, string? contentType = null, CancellationToken cancellationToken = default)
    {
        CheckBucket(bucket);
        CheckKey(key);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegative(contentLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(contentLength, MaxSinglePutBytes);
        if (!content.CanRead)
        {
            throw new ArgumentException("The stream is not readable.", nameof(content));
        }

        var body = await RequestBody.FromStreamAsync(content, contentLength, cancellationToken).ConfigureAwait(false);
        return await PutAsync(bucket, key, body, contentType, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<S3ObjectMetadata?> HeadObjectAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        CheckBucket(bucket);
        CheckKey(key);
        try
        {
            return await ExecuteAsync(
                new S3Call("HeadObject", HttpMethod.Head, bucket, key),
                (response, _) => Task.FromResult(new S3ObjectMetadata(
                    response.Content.Headers.ContentLength ?? 0,
                    Header(response, "ETag"),
                    RawContentType(response),
                    response.Content.Headers.LastModified)),
                transferResponse: false,
                cancellationToken).ConfigureAwait(false);
        }
        catch (S3Exception e) when (e.IsNotFound)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public Task DeleteObjectAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        CheckBucket(bucket);
        CheckKey(key);
        return ExecuteAsync(new S3Call("DeleteObject", HttpMethod.Delete, bucket, key), static (_, _) => Task.FromResult(true), transferResponse: false, cancellationToken);
    }

    /// <inheritdoc />
    public async Task CreateBucketAsync(string bucket, CancellationToken cancellationToken = default)
    {
        CheckBucket(bucket);

        // Outside us-east-1, S3 wants the region in the body (and rejects a body naming us-east-1).
        var body = _options.Region == "us-east-1"
            ? null
            : RequestBody.FromBytes(Encoding.UTF8.GetBytes(
                $"<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><LocationConstraint>{_options.Region}</LocationConstraint></CreateBucketConfiguration>"));
        var call = new S3Call("CreateBucket", HttpMethod.Put, bucket, null) { Body = body, ContentType = body is null ? null : "application/xml" };
        try
        {
            await ExecuteAsync(call, static (_, _) => Task.FromResult(true), transferResponse: false, cancellationToken).ConfigureAwait(false);
        }
        catch (S3Exception e) when (e.ErrorCode == "BucketAlreadyOwnedByYou")
        {
            // Idempotent by contract (also covers a retry after a lost answer to the first attempt).
        }
        catch (S3Exception e) when (e.ErrorCode == "BucketAlreadyExists")
        {
            // Some servers (s3rver) say BucketAlreadyExists for one's own bucket; on AWS a foreign bucket fails HeadBucket with 403.
            if (!await BucketAnswersAsync(bucket, cancellationToken).ConfigureAwait(false))
            {
                throw;
            }
        }
    }

    /// <summary>Disposes the HTTP client and the credentials chain if this instance created them.</summary>
    public void Dispose()
    {
        _ownedCredentials?.Dispose();
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private Task<PutObjectResult> PutAsync(string bucket, string key, RequestBody body, string? contentType, CancellationToken cancellationToken) =>
        ExecuteAsync(
            new S3Call("PutObject", HttpMethod.Put, bucket, key) { Body = body, ContentType = contentType },
            static (response, _) => Task.FromResult(new PutObjectResult(Header(response, "ETag"))),
            transferResponse: false,
            cancellationToken);

    private async Task<bool> BucketAnswersAsync(string bucket, CancellationToken cancellationToken)
    {
        try
        {
            return await ExecuteAsync(new S3Call("HeadBucket", HttpMethod.Head, bucket, null), static (_, _) => Task.FromResult(true), transferResponse: false, cancellationToken).ConfigureAwait(false);
        }
        catch (S3Exception)
        {
            return false;
        }
    }

    private static void CheckBucket(string bucket)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);

        // Lenient on purpose (legacy and S3-compatible names vary); only what would break the URI is refused.
        if (bucket.Contains('/', StringComparison.Ordinal) || bucket.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"Invalid bucket name \"{bucket}\".", nameof(bucket));
        }
    }

    private static void CheckKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (Encoding.UTF8.GetByteCount(key) > MaxKeyBytes)
        {
            throw new ArgumentException($"An S3 key is at most {MaxKeyBytes} UTF-8 bytes.", nameof(key));
        }
    }

    private static void AddIfSet(List<KeyValuePair<string, string>> query, string name, string? value)
    {
        if (value is not null)
        {
            query.Add(new(name, value));
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static string? RawContentType(HttpResponseMessage response) =>
        response.Content.Headers.TryGetValues("Content-Type", out var values) ? values.FirstOrDefault() : null;
}
