namespace Upt.Silo.Hosting;

/// <summary>The Kinesis input stream. Section <c>Kinesis</c>; no stream name means no Kinesis ingestion on this silo.</summary>
public sealed class KinesisIngestOptions
{
    public string? StreamName { get; set; }

    /// <summary>Endpoint override (kinesalite locally); null means AWS in <see cref="Region"/>.</summary>
    public string? ServiceUrl { get; set; }

    public string Region { get; set; } = Environment.GetEnvironmentVariable("AWS_REGION") ?? "us-east-1";

    /// <summary>Orleans queues; shards spread over them and the queues over the silos.</summary>
    public int QueueCount { get; set; } = 8;

    public int MaxRecordsPerBatch { get; set; } = 1000;
}
