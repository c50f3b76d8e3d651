using Upt.Kinesis;

namespace Upt.S3;

/// <summary>Settings of <see cref="S3Client"/>. Call <see cref="Validate"/> (the client does) before use.</summary>
public sealed class S3ClientOptions
{
    /// <summary>
    /// The endpoint of an S3-compatible server (s3rver, MinIO, ...), e.g. <c>http://127.0.0.1:4569</c>; a base path is kept.
    /// Null means AWS: <c>https://s3.{Region}.amazonaws.com</c>.
    /// </summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>The AWS region (signing scope and default endpoint). Defaults to <c>AWS_REGION</c>, then <c>AWS_DEFAULT_REGION</c>, then <c>us-east-1</c>.</summary>
    public string Region { get; set; } = AwsDefaults.Region();

    /// <summary>
    /// Path-style addressing (<c>{endpoint}/{bucket}/{key}</c>) instead of virtual-hosted style (<c>{bucket}.{endpoint}/{key}</c>).
    /// Null picks the usual default: path style when <see cref="ServiceUrl"/> is set (local servers rarely resolve bucket
    /// subdomains), virtual-hosted style for AWS. Buckets whose names are not DNS labels always use path style.
    /// </summary>
    public bool? ForcePathStyle { get; set; }

    /// <summary>How many times a retryable failure (HTTP 5xx, SlowDown and other throttling, network error, timeout) is retried; 0 disables retries.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>The first retry delay; it doubles on each retry (with jitter), up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The largest retry delay.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The time limit for opening a TCP (and TLS) connection; only used when the client creates its own <see cref="HttpClient"/>.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The time limit of one HTTP attempt: sending the request (upload included) and receiving the response headers, and for
    /// operations other than GetObject also reading the response body. A timed-out attempt is retried. GetObject bodies are
    /// read by the caller and bounded only by the caller's cancellation token.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>True when requests use path-style addressing for DNS-compatible bucket names.</summary>
    public bool UsesPathStyle => ForcePathStyle ?? ServiceUrl is not null;

    /// <summary>The endpoint the client talks to (for virtual-hosted style, the bucket is prefixed to its host).</summary>
    public Uri ResolveServiceUrl() => ServiceUrl ?? new Uri($"https://s3.{Region}.amazonaws.com/");

    /// <summary>Throws <see cref="ArgumentException"/> naming every invalid setting.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Region))
        {
            errors.Add("Region must be set (e.g. \"eu-west-1\").");
        }
        else if (Region.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '-')))
        {
            errors.Add($"Region \"{Region}\" may only contain ASCII letters, digits and '-'.");
        }

        if (ServiceUrl is not null)
        {
            if (!ServiceUrl.IsAbsoluteUri || (ServiceUrl.Scheme != Uri.UriSchemeHttp && ServiceUrl.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add($"ServiceUrl \"{ServiceUrl}\" must be an absolute http or https URL.");
            }
            else if (ServiceUrl.Query.Length > 0 || ServiceUrl.Fragment.Length > 0 || ServiceUrl.UserInfo.Length > 0)
            {
                errors.Add($"ServiceUrl \"{ServiceUrl}\" must not carry a query, fragment or user info.");
            }
        }

        if (MaxRetries is < 0 or > 20)
        {
            errors.Add($"MaxRetries must be between 0 and 20 (was {MaxRetries}).");
        }

        if (InitialBackoff <= TimeSpan.Zero)
        {
            errors.Add($"InitialBackoff must be positive (was {InitialBackoff}).");
        }

        if (MaxBackoff < InitialBackoff)
        {
            errors.Add($"MaxBackoff ({MaxBackoff}) must be at least InitialBackoff ({InitialBackoff}).");
        }

        if (ConnectTimeout <= TimeSpan.Zero && ConnectTimeout != Timeout.InfiniteTimeSpan)
        {
            errors.Add($"ConnectTimeout must be positive or infinite (was {ConnectTimeout}).");
        }

        if (RequestTimeout <= TimeSpan.Zero && RequestTimeout != Timeout.InfiniteTimeSpan)
        {
            errors.Add($"RequestTimeout must be positive or infinite (was {RequestTimeout}).");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid S3ClientOptions: " + string.Join(" ", errors));
        }
    }
}
