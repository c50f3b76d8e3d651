using System.Buffers;

namespace Upt.Kinesis.Internal;

/// <summary>
/// A response body read into a rented buffer. GetRecords answers run to megabytes; a fresh array per call lands
/// on the large object heap, and at a few calls per second per shard that alone drives full (gen 2) collections.
/// The owner parses <see cref="Span"/> and disposes, which returns the buffer.
/// </summary>
internal sealed class PooledResponseBody : IDisposable
{
    private byte[]? _buffer;
    private readonly int _length;

    private PooledResponseBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    public ReadOnlySpan<byte> Span => (_buffer ?? throw new ObjectDisposedException(nameof(PooledResponseBody))).AsSpan(0, _length);

    public static async Task<PooledResponseBody> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        var buffer = ArrayPool<byte>.Shared.Rent(declared is > 0 and <= int.MaxValue ? (int)declared.Value : 16 * 1024);
        var length = 0;
        try
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return new PooledResponseBody(buffer, length);
                }

                length += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
