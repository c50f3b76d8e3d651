namespace Upt.S3;

/// <summary>
/// An object being downloaded: read <see cref="Body"/> incrementally, then dispose this response (which returns or
/// closes the connection). Reading past a truncated transfer throws <see cref="IOException"/>.
/// </summary>
public sealed class GetObjectResponse : IDisposable, IAsyncDisposable
{
    private readonly HttpResponseMessage _response;

    internal GetObjectResponse(HttpResponseMessage response, Stream body, long? contentLength, long? objectSize, string? eTag, string? contentType, DateTimeOffset? lastModified)
    {
        _response = response;
        Body = body;
        ContentLength = contentLength;
        ObjectSize = objectSize;
        ETag = eTag;
        ContentType = contentType;
        LastModified = lastModified;
    }

    /// <summary>The object bytes (or the requested range), streamed from the network.</summary>
    public Stream Body { get; }

    /// <summary>The number of bytes in <see cref="Body"/>, or null if the server did not say.</summary>
    public long? ContentLength { get; }

    /// <summary>The size of the whole object (differs from <see cref="ContentLength"/> for a range), or null if unknown.</summary>
    public long? ObjectSize { get; }

    /// <summary>The entity tag as S3 sends it, quotes included.</summary>
    public string? ETag { get; }

    /// <summary>The stored <c>Content-Type</c>, or null.</summary>
    public string? ContentType { get; }

    /// <summary>When the object was last written, or null if the server did not say.</summary>
    public DateTimeOffset? LastModified { get; }

    /// <summary>Closes the body and the HTTP response.</summary>
    public void Dispose()
    {
        Body.Dispose();
        _response.Dispose();
    }

    /// <summary>Closes the body and the HTTP response.</summary>
    public async ValueTask DisposeAsync()
    {
        await Body.DisposeAsync().ConfigureAwait(false);
        _response.Dispose();
    }
}
