namespace Upt.S3;

/// <summary>
/// The subset of the Amazon S3 REST API that Upt uses (ingestion from buckets, raw backups), for AWS and S3-compatible servers.
/// Implementations sign with SigV4 and retry transient failures; API errors surface as <see cref="S3Exception"/>.
/// Keys are arbitrary UTF-8 strings (spaces, <c>+</c>, <c>=</c>, <c>/</c>, non-ASCII) and round-trip unchanged.
/// </summary>
public interface IS3Client
{
    /// <summary>ListObjectsV2: one page of the bucket's objects, in key order.</summary>
    Task<ListObjectsV2Result> ListObjectsV2Async(string bucket, ListObjectsV2Request? request = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// GetObject: the object (or a byte range of it) as a stream read from the network. Dispose the response.
    /// A missing object or bucket throws <see cref="S3Exception"/> with <see cref="S3Exception.IsNotFound"/>.
    /// </summary>
    Task<GetObjectResponse> GetObjectAsync(string bucket, string key, ByteRange? range = null, CancellationToken cancellationToken = default);

    /// <summary>PutObject from memory (single request, at most 5 GiB); the payload's SHA-256 is signed, so S3 rejects a corrupted upload.</summary>
    Task<PutObjectResult> PutObjectAsync(string bucket, string key, ReadOnlyMemory<byte> content, string? contentType = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// PutObject of the next <paramref name="contentLength"/> bytes of <paramref name="content"/> (single request, at most 5 GiB).
    /// The stream is not disposed. A seekable stream is read twice (once to hash the payload, which is then signed) and is
    /// rewound for retries. A non-seekable stream is sent once with <c>UNSIGNED-PAYLOAD</c> and not retried; see the remarks of
    /// <see cref="S3Client"/>.
    /// </summary>
    Task<PutObjectResult> PutObjectAsync(string bucket, string key, Stream content, long contentLength, string? contentType = null, CancellationToken cancellationToken = default);

    /// <summary>HeadObject: size, ETag, content type and time of an object, or null when the object (or the bucket) does not exist.</summary>
    Task<S3ObjectMetadata?> HeadObjectAsync(string bucket, string key, CancellationToken cancellationToken = default);

    /// <summary>DeleteObject. Deleting a key that does not exist succeeds (as on S3).</summary>
    Task DeleteObjectAsync(string bucket, string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// CreateBucket, idempotent for tests and development: a bucket that already exists and answers our credentials counts as created
    /// (<c>BucketAlreadyOwnedByYou</c>, or <c>BucketAlreadyExists</c> followed by a successful HeadBucket). A bucket owned by
    /// someone else still throws.
    /// </summary>
    Task CreateBucketAsync(string bucket, CancellationToken cancellationToken = default);
}
