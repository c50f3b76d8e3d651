namespace Upt.Grains.Errors;

/// <summary>
/// Which error categories are worth re-submitting from their raw record. Only failures that say nothing about the record
/// itself: storage or processing that failed while the record was valid. Transform and validation rejections
/// (<c>transformer_exception</c>, <c>ACP real time Ingestion error</c>, batch line errors) are not: the same bytes would
/// fail the same way, so retrying them only adds load (an operator can still retry one explicitly).
/// </summary>
public static class RetryableCategories
{
    /// <summary>UPT's category for a valid record that storage failed to take; its only retried category.</summary>
    public const string StorageIngestion = "accp_ingestion_error";

    /// <summary>Every retryable category.</summary>
    public static IReadOnlyList<string> All { get; } = [StorageIngestion];

    /// <summary>True when records of <paramref name="category"/> are retried automatically.</summary>
    public static bool Contains(string category) => All.Contains(category, StringComparer.Ordinal);
}
