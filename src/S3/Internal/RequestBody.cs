using System.Buffers;
using System.Security.Cryptography;
using Upt.Kinesis;

namespace Upt.S3.Internal;

/// <summary>A request payload, its SigV4 payload hash and whether it can be sent again on a retry.</summary>
internal sealed class RequestBody
{
    /// <summary>The payload hash S3 accepts for a body that is not hashed up front.</summary>
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    private const int BufferSize = 81920;

    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly Stream? _stream;
    private readonly long _start;

    private RequestBody(ReadOnlyMemory<byte> bytes, Stream? stream, long start, long length, string payloadHash)
    {
        _bytes = bytes;
        _stream = stream;
        _start = start;
        Length = length;
        PayloadHash = payloadHash;
    }

    /// <summary>The number of bytes sent.</summary>
    public long Length { get; }

    /// <summary>The lower-case hex SHA-256 of the payload, or <see cref="UnsignedPayload"/>.</summary>
    public string PayloadHash { get; }

    /// <summary>False for a non-seekable stream: once sent, it cannot be sent again.</summary>
    public bool CanReplay => _stream is null || _stream.CanSeek;

    public static RequestBody FromBytes(ReadOnlyMemory<byte> bytes) =>
        new(bytes, null, 0, bytes.Length, SigV4Signer.HashPayload(bytes.Span));

    /// <summary>Hashes the next <paramref name="length"/> bytes of a seekable stream (then rewinds it); a non-seekable one is sent unsigned.</summary>
    public static async Task<RequestBody> FromStreamAsync(Stream stream, long length, CancellationToken cancellationToken)
    {
        if (!stream.CanSeek)
        {
            return new RequestBody(default, stream, 0, length, UnsignedPayload);
        }

        var start = stream.Position;
        if (stream.Length - start < length)
        {
            throw new ArgumentException($"The stream holds {stream.Length - start} bytes after its position, fewer than the content length {length}.", nameof(length));
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var left = length;
            while (left > 0)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new IOException($"The stream ended {left} bytes before the content length {length}.");
                }

                hash.AppendData(buffer, 0, read);
                left -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        stream.Position = start;
        return new RequestBody(default, stream, start, length, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>A fresh HTTP content for one attempt; it never disposes the caller's stream.</summary>
    public HttpContent CreateContent() => _stream is null
        ? new ReadOnlyMemoryContent(_bytes)
        : new StreamBodyContent(_stream, _start, Length);

    /// <summary>Sends exactly <c>length</c> bytes from <c>start</c> and leaves the stream open (StreamContent would dispose it).</summary>
    private sealed class StreamBodyContent(Stream stream, long start, long length) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream target, System.Net.TransportContext? context) =>
            SerializeToStreamAsync(target, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream target, System.Net.TransportContext? context, CancellationToken cancellationToken)
        {
            if (stream.CanSeek)
            {
                stream.Position = start;
            }

            var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
            try
            {
                var left = length;
                while (left > 0)
                {
                    var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        throw new IOException($"The stream ended {left} bytes before the content length {length}.");
                    }

                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    left -= read;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        protected override bool TryComputeLength(out long computed)
        {
            computed = length;
            return true;
        }
    }
}
