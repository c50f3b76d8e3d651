using Upt.Streaming.Kinesis.Streams;

namespace Upt.Streaming.Kinesis.Hosting;

/// <summary>Fails silo start-up when a Kinesis stream provider is misconfigured.</summary>
public sealed class KinesisStreamOptionsValidator(KinesisStreamOptions options, string name) : IConfigurationValidator
{
    /// <inheritdoc />
    public void ValidateConfiguration()
    {
        var errors = Validate(options).ToList();
        if (errors.Count > 0)
        {
            throw new OrleansConfigurationException($"Invalid {nameof(KinesisStreamOptions)} for stream provider '{name}': {string.Join(" ", errors)}");
        }
    }

    /// <summary>Every problem of <paramref name="options"/>, one sentence each.</summary>
    public static IEnumerable<string> Validate(KinesisStreamOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.StreamName))
        {
            yield return "StreamName is required.";
        }

        if (string.IsNullOrWhiteSpace(options.CheckpointConnectionString))
        {
            yield return "CheckpointConnectionString is required.";
        }

        if (options.ServiceUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            yield return "ServiceUrl must be an absolute http or https URL.";
        }

        if (options.QueueCount is < 1 or > 1024)
        {
            yield return $"QueueCount must be 1–1024 (was {options.QueueCount}).";
        }

        if (string.IsNullOrWhiteSpace(options.StreamNamespace))
        {
            yield return "StreamNamespace is required.";
        }

        if (options.MaxRecordsPerBatch is < 1 or > 10_000)
        {
            yield return $"MaxRecordsPerBatch must be 1–10000 (was {options.MaxRecordsPerBatch}).";
        }

        if (options.MaxBatchesInFlightPerShard < 1)
        {
            yield return $"MaxBatchesInFlightPerShard must be at least 1 (was {options.MaxBatchesInFlightPerShard}).";
        }

        if (options.PollInterval <= TimeSpan.Zero)
        {
            yield return "PollInterval must be positive.";
        }

        if (options.MinGetRecordsInterval < TimeSpan.Zero)
        {
            yield return "MinGetRecordsInterval must not be negative.";
        }

        if (options.ShardDiscoveryInterval <= TimeSpan.Zero)
        {
            yield return "ShardDiscoveryInterval must be positive.";
        }

        if (options.CheckpointInterval < TimeSpan.Zero)
        {
            yield return "CheckpointInterval must not be negative.";
        }

        if (!Enum.IsDefined(options.InitialPosition))
        {
            yield return $"InitialPosition {options.InitialPosition} is not defined.";
        }
    }
}
