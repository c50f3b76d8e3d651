namespace Upt.Kinesis;

/// <summary>Settings of <see cref="KinesisClient"/>. Call <see cref="Validate"/> (the client does) before use.</summary>
public sealed class KinesisClientOptions
{
    /// <summary>The API endpoint; null means <c>https://kinesis.{Region}.amazonaws.com</c>.</summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>The AWS region (signing scope and default endpoint). Defaults to <c>AWS_REGION</c>, then <c>AWS_DEFAULT_REGION</c>, then <c>us-east-1</c>.</summary>
    public string Region { get; set; } = AwsDefaults.Region();

    /// <summary>How many times a retryable failure (throttling, HTTP 5xx, network error, timeout) is retried; 0 disables retries.</summary>
    public int MaxRetries { get; set; } = 8;

    /// <summary>The first retry delay; it doubles on each retry (with jitter), up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The largest retry delay.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The time limit of one HTTP attempt (a timed-out attempt is retried).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The endpoint the client talks to.</summary>
    public Uri ResolveServiceUrl() => ServiceUrl ?? new Uri($"https://kinesis.{Region}.amazonaws.com/");

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

        if (ServiceUrl is not null && (!ServiceUrl.IsAbsoluteUri || (ServiceUrl.Scheme != Uri.UriSchemeHttp && ServiceUrl.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add($"ServiceUrl \"{ServiceUrl}\" must be an absolute http or https URL.");
        }

        if (MaxRetries < 0)
        {
            errors.Add($"MaxRetries must be 0 or more (was {MaxRetries}).");
        }

        if (InitialBackoff <= TimeSpan.Zero)
        {
            errors.Add($"InitialBackoff must be positive (was {InitialBackoff}).");
        }

        if (MaxBackoff < InitialBackoff)
        {
            errors.Add($"MaxBackoff ({MaxBackoff}) must be at least InitialBackoff ({InitialBackoff}).");
        }

        if (RequestTimeout <= TimeSpan.Zero && RequestTimeout != Timeout.InfiniteTimeSpan)
        {
            errors.Add($"RequestTimeout must be positive or infinite (was {RequestTimeout}).");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid KinesisClientOptions: " + string.Join(" ", errors));
        }
    }
}
