namespace Upt.Batch;

/// <summary>The files of a domain in a batch source.</summary>
/// <param name="Files">The files laid out as <c>{domain}/{YYYY}/{MM}/{DD}/*.jsonl</c>, by date then path.</param>
/// <param name="Ignored">Other paths under <c>{domain}/</c>, which are not ingested.</param>
public sealed record BatchListing(IReadOnlyList<BatchFile> Files, IReadOnlyList<string> Ignored);
