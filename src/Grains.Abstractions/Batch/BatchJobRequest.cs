namespace Upt.Grains;

/// <summary>What a batch run reads.</summary>
/// <param name="Source">
/// <c>s3://bucket[/prefix]</c> or an absolute folder path on the silo, holding <c>{domain}/{YYYY}/{MM}/{DD}/*.jsonl</c>;
/// null for the silo's configured default source.
/// </param>
/// <param name="From">Re-run files dated on or after this day even when already ingested (bookmarks are ignored for them).</param>
[GenerateSerializer, Immutable, Alias("upt.batch-job-request")]
public sealed record BatchJobRequest(
    [property: Id(0)] string? Source,
    [property: Id(1)] DateOnly? From = null);
