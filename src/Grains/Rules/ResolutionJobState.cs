namespace Upt.Grains.Rules;

/// <summary>The persisted record of the latest re-resolution run of a domain.</summary>
[GenerateSerializer, Alias("upt.resolution-job-state")]
public sealed class ResolutionJobState
{
    [Id(0)] public int Version { get; set; }

    [Id(1)] public string State { get; set; } = ResolutionJobStatus.NotStarted;

    [Id(2)] public long Processed { get; set; }

    [Id(3)] public long Total { get; set; }

    [Id(4)] public long Merges { get; set; }

    [Id(5)] public DateTimeOffset? StartedAt { get; set; }

    [Id(6)] public DateTimeOffset? UpdatedAt { get; set; }

    [Id(7)] public string? Error { get; set; }
}
