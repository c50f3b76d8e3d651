namespace Upt.Grains;

/// <summary>
/// The background re-resolution a rule-set activation starts: every live profile's keys under the new version are
/// linked (merging what now matches) while ingestion goes on. <see cref="State"/> is NOT_STARTED, RUNNING, SUCCEEDED
/// or FAILED; a run whose silo died is reported FAILED, never RUNNING forever.
/// </summary>
[GenerateSerializer, Immutable, Alias("upt.resolution-job-status")]
public sealed record ResolutionJobStatus(
    [property: Id(0)] int Version,
    [property: Id(1)] string State,
    [property: Id(2)] long Processed,
    [property: Id(3)] long Total,
    [property: Id(4)] long Merges,
    [property: Id(5)] DateTimeOffset? StartedAt,
    [property: Id(6)] DateTimeOffset? UpdatedAt,
    [property: Id(7)] string? Error)
{
    public const string NotStarted = "NOT_STARTED";
    public const string Running = "RUNNING";
    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";

    /// <summary>Share done, 0–1.</summary>
    public double Progress => State == Succeeded ? 1 : Total == 0 ? 0 : Math.Min(1, (double)Processed / Total);
}
