namespace Upt.S3;

/// <summary>An error answered by an S3 endpoint: the HTTP status, the S3 error code and message, and the request id.</summary>
public sealed class S3Exception : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status code of the answer.</param>
    /// <param name="errorCode">The S3 error code, e.g. <c>NoSuchKey</c>; <c>Http{status}</c> when the answer named none.</param>
    /// <param name="errorMessage">The S3 error message (may be empty).</param>
    /// <param name="requestId">The <c>x-amz-request-id</c> (or the body's <c>RequestId</c>), for support cases.</param>
    public S3Exception(int statusCode, string errorCode, string errorMessage, string? requestId)
        : base(FormatMessage(statusCode, errorCode, errorMessage, requestId))
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        RequestId = requestId;
    }

    /// <summary>The HTTP status code of the answer.</summary>
    public int StatusCode { get; }

    /// <summary>The S3 error code, e.g. <c>NoSuchKey</c>, <c>NoSuchBucket</c>, <c>SignatureDoesNotMatch</c>, <c>SlowDown</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>The S3 error message as the server wrote it.</summary>
    public string ErrorMessage { get; }

    /// <summary>The request id the server assigned, or null.</summary>
    public string? RequestId { get; }

    /// <summary>True for HTTP 404 (<c>NoSuchKey</c>, <c>NoSuchBucket</c>, or a body-less HEAD answer).</summary>
    public bool IsNotFound => StatusCode == 404;

    /// <summary>True when the server rejected the credentials or the signature (HTTP 403).</summary>
    public bool IsAccessDenied => StatusCode == 403;

    private static string FormatMessage(int statusCode, string errorCode, string errorMessage, string? requestId) =>
        $"S3 answered HTTP {statusCode} {errorCode}"
        + (errorMessage.Length > 0 ? ": " + errorMessage : string.Empty)
        + (requestId is null ? string.Empty : $" (request id {requestId})");
}
