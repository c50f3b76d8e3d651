using System.Runtime.CompilerServices;
using Upt.Batch.Lines;
using Upt.Kinesis;
using Upt.S3;

namespace Upt.Batch.Sources;

/// <summary>A bucket (or a key prefix in it) holding <c>{domain}/{YYYY}/{MM}/{DD}/*.jsonl</c>; objects are streamed, never downloaded whole.</summary>
public sealed class S3BatchSource : IBatchSource
{
    private readonly IS3Client _client;
    private readonly string _bucket;
    private readonly string _prefix;

    /// <summary>A source over <paramref name="location"/> (<c>s3://bucket</c> or <c>s3://bucket/prefix</c>).</summary>
    public S3BatchSource(IS3Client client, S3Location location)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(location);
        _client = client;
        _bucket = location.Bucket;
        _prefix = location.KeyPrefix;
        Name = location.FolderName;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public async Task<string?> CheckAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await _client.ListObjectsV2Async(_bucket, new ListObjectsV2Request { Prefix = _prefix.Length == 0 ? null : _prefix, MaxKeys = 1 }, cancellationToken);
            return null;
        }
        catch (S3Exception ex)
        {
            return $"cannot list {Name}: {ex.Message}";
        }
        catch (HttpRequestException ex)
        {
            return $"cannot reach the S3 endpoint for {Name}: {ex.Message}";
        }
        catch (AwsCredentialsException ex)
        {
            return $"no AWS credentials to read {Name}: {ex.Message}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"the S3 endpoint did not answer in time for {Name}";
        }
    }

    /// <inheritdoc />
    public async Task<BatchListing> ListAsync(string domain, CancellationToken cancellationToken = default)
    {
        var entries = new List<(string, long, string)>();
        await foreach (var o in _client.ListAllObjectsAsync(_bucket, _prefix + domain + "/", cancellationToken: cancellationToken))
        {
            // "Folder" marker objects (keys ending in '/') are how consoles show empty folders, not files.
            if (!o.Key.EndsWith('/'))
            {
                entries.Add((o.Key[_prefix.Length..], o.Size, "etag:" + o.ETag));
            }
        }

        return BatchPaths.Listing(domain, entries);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<BatchLine> ReadLinesAsync(BatchFile file, int maxLineBytes, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        await using var response = await _client.GetObjectAsync(_bucket, _prefix + file.Path, cancellationToken: cancellationToken);
        await foreach (var line in JsonlLineReader.ReadAsync(response.Body, maxLineBytes, cancellationToken))
        {
            yield return line;
        }
    }
}
