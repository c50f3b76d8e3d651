namespace Upt.S3;

/// <summary>One object as ListObjectsV2 reports it.</summary>
/// <param name="Key">The object key.</param>
/// <param name="Size">The size in bytes.</param>
/// <param name="ETag">The entity tag as S3 sends it, quotes included (e.g. <c>"9b2cf535f27731c974343645a3985328"</c>).</param>
/// <param name="LastModified">When the object was last written.</param>
/// <param name="StorageClass">The storage class (e.g. <c>STANDARD</c>), or null when not reported.</param>
public sealed record S3ObjectSummary(string Key, long Size, string ETag, DateTimeOffset LastModified, string? StorageClass);
