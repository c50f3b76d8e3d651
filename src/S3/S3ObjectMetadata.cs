namespace Upt.S3;

/// <summary>What HeadObject reports about an existing object.</summary>
/// <param name="ContentLength">The size in bytes.</param>
/// <param name="ETag">The entity tag as S3 sends it, quotes included.</param>
/// <param name="ContentType">The stored <c>Content-Type</c>, or null.</param>
/// <param name="LastModified">When the object was last written, or null if the server did not say.</param>
public sealed record S3ObjectMetadata(long ContentLength, string? ETag, string? ContentType, DateTimeOffset? LastModified);
