using System.Buffers;

namespace Upt.Kinesis.Internal;

/// <summary>
/// A response body read into a rented buffer. GetRecords answers run to megabytes; a fresh array per call lands
/// on the large object heap, and at a few calls per second per shard that alone drives full (gen 2) collections.
/// The owner parses <see cref="Span"/> and disposes, which returns the buffer.
/// </summary>
internal sealed class PooledResponseBody : IDisposable
{
    // Own pool: the shared one keeps few arrays per size and trims them after gen 2 collections, so multi-MB answers
    // missed it and were allocated afresh. Arrays are only created on demand, so idle clients hold little.
    private static readonly ArrayPool<byte> Pool = ArrayPool<byte>.Create(maxArrayLength: 64 * 1024 * 1024, maxArraysPerBucket: 16);

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
        var buffer = Pool.Rent(declared is > 0 and <= int.MaxValue ? (int)declared.Value : 16 * 1024);
        var length = 0;
        try
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = Pool.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    Pool.Return(buffer);
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
            Pool.Return(buffer);
            throw;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            Pool.Return(buffer);
        }
    }
}
