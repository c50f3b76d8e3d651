namespace Upt.S3;

/// <summary>The optional parameters of one ListObjectsV2 call.</summary>
public sealed record ListObjectsV2Request
{
    /// <summary>Only keys that start with this prefix.</summary>
    public string? Prefix { get; init; }

    /// <summary>The <see cref="ListObjectsV2Result.NextContinuationToken"/> of the previous page.</summary>
    public string? ContinuationToken { get; init; }

    /// <summary>Only keys after this one (ignored by S3 when <see cref="ContinuationToken"/> is set).</summary>
    public string? StartAfter { get; init; }

    /// <summary>The page size, 1 to 1000; null lets the server choose (1000 on S3).</summary>
    public int? MaxKeys { get; init; }

    /// <summary>Groups keys that contain the delimiter after the prefix into <see cref="ListObjectsV2Result.CommonPrefixes"/> (e.g. <c>/</c> for "folders").</summary>
    public string? Delimiter { get; init; }
}
