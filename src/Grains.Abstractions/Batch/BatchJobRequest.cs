namespace Upt.Grains;

/// <summary>What a batch run reads.</summary>
/// <param name="Source">
/// <c>s3://bucket[/prefix]</c> or an absolute folder path on the silo, holding <c>{domain}/{YYYY}/{MM}/{DD}/*.jsonl</c>;
/// null for the silo's configured default source.
/// </param>
/// <param name="From">Re-run files dated on or after this day even when already ingested (bookmarks are ignored for them).</param>
/// <param name="Range">
/// A replay: only the files and lines of this time range (see <see cref="BatchTimeRange"/>), every time (bookmarks are
/// neither read nor written, so a replay never makes an ordinary run skip a file). Not together with <paramref name="From"/>.
/// </param>
[GenerateSerializer, Immutable, Alias("upt.batch-job-request")]
public sealed record BatchJobRequest(
    [property: Id(0)] string? Source,
    [property: Id(1)] DateOnly? From = null,
    [property: Id(2)] BatchTimeRange? Range = null);
