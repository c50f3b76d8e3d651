using System.Runtime.CompilerServices;

namespace Upt.S3;

/// <summary>Conveniences over <see cref="IS3Client"/>.</summary>
public static class S3ClientExtensions
{
    /// <summary>Every object under <paramref name="prefix"/> (all of the bucket when null), following continuation tokens page by page.</summary>
    /// <param name="client">The client.</param>
    /// <param name="bucket">The bucket.</param>
    /// <param name="prefix">Only keys that start with this prefix.</param>
    /// <param name="pageSize">Keys per ListObjectsV2 call, 1 to 1000.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    public static async IAsyncEnumerable<S3ObjectSummary> ListAllObjectsAsync(
        this IS3Client client,
        string bucket,
        string? prefix = null,
        int pageSize = 1000,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 1000);
        string? token = null;
        do
        {
            var page = await client.ListObjectsV2Async(
                bucket,
                new ListObjectsV2Request { Prefix = prefix, MaxKeys = pageSize, ContinuationToken = token },
                cancellationToken).ConfigureAwait(false);
            foreach (var o in page.Objects)
            {
                yield return o;
            }

            // A server repeating its token would otherwise loop forever.
            if (page.IsTruncated && page.NextContinuationToken == token)
            {
                throw new InvalidDataException("ListObjectsV2 returned the same continuation token twice.");
            }

            token = page.IsTruncated ? page.NextContinuationToken : null;
        }
        while (token is not null);
    }

    /// <summary>Every object under the prefix of <paramref name="location"/> (e.g. <c>s3://bucket/exports/2024/</c>).</summary>
    public static IAsyncEnumerable<S3ObjectSummary> ListAllObjectsAsync(this IS3Client client, S3Location location, int pageSize = 1000, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        return client.ListAllObjectsAsync(location.Bucket, location.Key.Length == 0 ? null : location.Key, pageSize, cancellationToken);
    }

    /// <summary>Downloads a whole object into memory (for small objects; stream large ones with <see cref="IS3Client.GetObjectAsync"/>).</summary>
    public static async Task<byte[]> GetObjectBytesAsync(this IS3Client client, string bucket, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        await using var response = await client.GetObjectAsync(bucket, key, cancellationToken: cancellationToken).ConfigureAwait(false);
        using var buffer = response.ContentLength is { } length and <= int.MaxValue ? new MemoryStream((int)length) : new MemoryStream();
        await response.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }
}
