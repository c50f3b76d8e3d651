using System.Net.Http.Headers;

namespace Upt.S3.Internal;

/// <summary>Turns error answers into <see cref="S3Exception"/> and classifies them for retries.</summary>
internal static class S3Errors
{
    /// <summary>Error codes S3 (and compatible servers) use for throttling or a transient server-side problem.</summary>
    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "SlowDown", "InternalError", "ServiceUnavailable", "Throttling", "ThrottlingException", "ThrottledException",
        "RequestThrottled", "RequestThrottledException", "TooManyRequestsException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "ProvisionedThroughputExceededException", "EC2ThrottledException",

        // 400 RequestTimeout: the server gave up reading a slow upload; a fresh attempt usually succeeds (the AWS SDKs retry it too).
        "RequestTimeout",
    };

    /// <summary>
    /// Builds the exception from the status, the XML error body (may be empty, e.g. for HEAD) and the headers
    /// (<c>x-amz-request-id</c>; <c>x-amz-error-code</c>/<c>-message</c> that some servers add; <c>x-amz-bucket-region</c>).
    /// </summary>
    public static S3Exception Parse(int statusCode, ReadOnlyMemory<byte> body, HttpResponseHeaders headers)
    {
        var (code, message, bodyRequestId) = S3Xml.ReadError(body);
        code ??= Header(headers, "x-amz-error-code") ?? DefaultCode(statusCode);
        message ??= Header(headers, "x-amz-error-message") ?? string.Empty;
        if (Header(headers, "x-amz-bucket-region") is { } bucketRegion && statusCode is 301 or 400)
        {
            message = $"{message} (the bucket is in region {bucketRegion})".TrimStart();
        }

        return new S3Exception(statusCode, code, message, Header(headers, "x-amz-request-id") ?? bodyRequestId);
    }

    /// <summary>True for HTTP 5xx (but 501 Not Implemented), 429, and throttling or transient error codes; other 4xx are final.</summary>
    public static bool IsRetryable(S3Exception e) =>
        (e.StatusCode >= 500 && e.StatusCode != 501) || e.StatusCode == 429 || TransientCodes.Contains(e.ErrorCode);

    private static string DefaultCode(int statusCode) => statusCode switch
    {
        301 => "PermanentRedirect",
        304 => "NotModified",
        400 => "BadRequest",
        403 => "Forbidden",
        404 => "NotFound",
        412 => "PreconditionFailed",
        _ => $"Http{statusCode}",
    };

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
