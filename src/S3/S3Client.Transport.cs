using System.Net;
using Microsoft.Extensions.Logging;
using Upt.Kinesis;
using Upt.S3.Internal;

namespace Upt.S3;

/// <summary>Signing, sending, error mapping and retries.</summary>
public sealed partial class S3Client
{
    private const int MaxErrorBodyBytes = 64 * 1024;
    private const long ExpectContinueFromBytes = 1024 * 1024;

    /// <summary>
    /// Sends <paramref name="call"/> with retries. Every operation Upt uses is idempotent (GET, HEAD, DELETE, PUT of a whole
    /// object or bucket), so any transient failure may be retried; only a non-seekable upload cannot be sent twice.
    /// <paramref name="readSuccess"/> runs inside the attempt (its reads count against the attempt timeout and are retried);
    /// with <paramref name="transferResponse"/> it takes ownership of the response.
    /// </summary>
    private async Task<T> ExecuteAsync<T>(S3Call call, Func<HttpResponseMessage, CancellationToken, Task<T>> readSuccess, bool transferResponse, CancellationToken cancellationToken)
    {
        var uri = _endpoints.For(call.Bucket, call.Key, call.Query);
        var replayable = call.Body?.CanReplay ?? true;
        for (var attempt = 0; ; attempt++)
        {
            var mayRetry = replayable && attempt < _options.MaxRetries;
            Exception failure;
            try
            {
                return await SendOnceAsync(call, uri, readSuccess, transferResponse, cancellationToken).ConfigureAwait(false);
            }
            catch (S3Exception e) when (mayRetry && S3Errors.IsRetryable(e))
            {
                failure = e;
            }
            catch (HttpRequestException e) when (mayRetry && IsTransient(e))
            {
                failure = e;
            }
            catch (HttpIOException e) when (mayRetry)
            {
                failure = e; // the connection broke while a response body was read
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && mayRetry)
            {
                failure = e; // the per-attempt timeout fired
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"S3 {call.Operation} timed out after {attempt + 1} attempt(s) of at most {_options.RequestTimeout.TotalSeconds:0.#} s.", e);
            }

            var delay = Backoff(attempt);
            LogRetry(_logger, call.Operation, call.Bucket, attempt + 1, _options.MaxRetries, delay.TotalMilliseconds, failure is S3Exception s ? s.ErrorCode : failure.GetType().Name, failure.Message);
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<T> SendOnceAsync<T>(S3Call call, Uri uri, Func<HttpResponseMessage, CancellationToken, Task<T>> readSuccess, bool transferResponse, CancellationToken cancellationToken)
    {
        var credentials = await _credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        var headers = new List<KeyValuePair<string, string>>(3) { new("host", uri.Authority) };
        if (call.ContentType is not null)
        {
            headers.Add(new("content-type", call.ContentType));
        }

        if (call.Range is not null)
        {
            headers.Add(new("range", call.Range));
        }

        var signed = SigV4Signer.Sign(
            new SigV4Request
            {
                Method = call.Method.Method,
                Uri = uri,
                Headers = headers,
                PayloadHash = call.Body?.PayloadHash ?? SigV4Signer.EmptyPayloadHash,
                Service = "s3",
                Region = _options.Region,

                // S3 signs the path as sent (each segment encoded once), without normalizing "." or "//".
                UriEscapePath = false,
            },
            credentials,
            DateTimeOffset.UtcNow);

        using var request = new HttpRequestMessage(call.Method, uri) { Version = HttpVersion.Version11 };
        if (call.Body is not null)
        {
            request.Content = call.Body.CreateContent();

            // Lets the server refuse (bad signature, missing bucket) before a large body is uploaded.
            request.Headers.ExpectContinue = call.Body.Length >= ExpectContinueFromBytes;
        }

        foreach (var (name, value) in signed.Headers)
        {
            if (name.Equals("host", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.Host = value;
            }
            else if (name.Equals("content-type", StringComparison.OrdinalIgnoreCase))
            {
                request.Content!.Headers.TryAddWithoutValidation("Content-Type", value);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_options.RequestTimeout != Timeout.InfiniteTimeSpan)
        {
            timeout.CancelAfter(_options.RequestTimeout);
        }

        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        var keep = false;
        try
        {
            if (response.IsSuccessStatusCode)
            {
                var result = await readSuccess(response, timeout.Token).ConfigureAwait(false);
                keep = transferResponse;
                return result;
            }

            var body = await ReadErrorBodyAsync(response, timeout.Token).ConfigureAwait(false);
            var error = S3Errors.Parse((int)response.StatusCode, body, response.Headers);
            LogError(_logger, call.Operation, call.Bucket, error.StatusCode, error.ErrorCode, error.ErrorMessage, error.RequestId);
            throw error;
        }
        finally
        {
            if (!keep)
            {
                response.Dispose();
            }
        }
    }

    private static async Task<ReadOnlyMemory<byte>> ReadErrorBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[MaxErrorBodyBytes];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        return buffer.AsMemory(0, total);
    }

    /// <summary>Network trouble is worth another attempt; TLS, authentication and configuration failures are not.</summary>
    private static bool IsTransient(HttpRequestException e) => e.HttpRequestError is not (
        HttpRequestError.SecureConnectionError
        or HttpRequestError.UserAuthenticationError
        or HttpRequestError.ConfigurationLimitExceeded
        or HttpRequestError.VersionNegotiationError
        or HttpRequestError.ExtendedConnectNotSupported);

    private TimeSpan Backoff(int attempt) => AwsDefaults.Backoff(attempt, _options.InitialBackoff, _options.MaxBackoff);

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "S3 {Operation} on bucket {Bucket} failed ({ErrorCode}: {ErrorMessage}); retry {Attempt}/{MaxRetries} in {DelayMs:0} ms")]
    private static partial void LogRetry(ILogger logger, string operation, string bucket, int attempt, int maxRetries, double delayMs, string errorCode, string errorMessage);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "S3 {Operation} on bucket {Bucket} answered HTTP {StatusCode}: {ErrorCode}: {ErrorMessage} (request id {RequestId})")]
    private static partial void LogError(ILogger logger, string operation, string bucket, int statusCode, string errorCode, string errorMessage, string? requestId);
}
