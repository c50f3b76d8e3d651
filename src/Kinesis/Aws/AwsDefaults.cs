namespace Upt.Kinesis;

/// <summary>Behaviour every AWS API client of Upt shares (Kinesis, S3): the default region and the retry backoff.</summary>
public static class AwsDefaults
{
    /// <summary><c>AWS_REGION</c>, then <c>AWS_DEFAULT_REGION</c>, then <c>us-east-1</c>, as the AWS SDKs resolve it.</summary>
    public static string Region() =>
        Environment.GetEnvironmentVariable("AWS_REGION") is { Length: > 0 } r ? r
        : Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION") is { Length: > 0 } d ? d
        : "us-east-1";

    /// <summary>
    /// Delay before retry <paramref name="attempt"/> (0-based): exponential from <paramref name="initial"/>, capped at
    /// <paramref name="max"/>, with "equal jitter" (half fixed, half random) so that many clients do not retry in step.
    /// </summary>
    public static TimeSpan Backoff(int attempt, TimeSpan initial, TimeSpan max)
    {
        var ceiling = Math.Min(max.TotalMilliseconds, initial.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30)));
        return TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
    }
}
