namespace Upt.S3;

/// <summary>One page of ListObjectsV2.</summary>
/// <param name="Objects">The objects of this page, in key order (UTF-8 binary order on S3).</param>
/// <param name="CommonPrefixes">With a delimiter: the key prefixes rolled up into "folders"; otherwise empty.</param>
/// <param name="IsTruncated">True when more pages follow.</param>
/// <param name="NextContinuationToken">The token for the next page when <paramref name="IsTruncated"/> is true.</param>
public sealed record ListObjectsV2Result(
    IReadOnlyList<S3ObjectSummary> Objects,
    IReadOnlyList<string> CommonPrefixes,
    bool IsTruncated,
    string? NextContinuationToken);
