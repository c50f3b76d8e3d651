namespace Upt.Kinesis;

/// <summary>What <see cref="SigV4Signer"/> signs: an HTTP request, its payload and the signing scope.</summary>
public sealed record SigV4Request
{
    /// <summary>The HTTP method, e.g. <c>POST</c>.</summary>
    public required string Method { get; init; }

    /// <summary>The absolute request URI; its path and query are canonicalized.</summary>
    public required Uri Uri { get; init; }

    /// <summary>The request headers to sign (a <c>host</c> header is added from <see cref="Uri"/> when absent).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The payload; ignored when <see cref="PayloadHash"/> is set or an <c>x-amz-content-sha256</c> header is present.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>A precomputed lower-case hex SHA-256 of the payload (or <c>UNSIGNED-PAYLOAD</c>).</summary>
    public string? PayloadHash { get; init; }

    /// <summary>The signing service name, e.g. <c>kinesis</c>.</summary>
    public required string Service { get; init; }

    /// <summary>The signing region, e.g. <c>eu-west-1</c>.</summary>
    public required string Region { get; init; }

    /// <summary>Normalize and double-encode the path (true for every service but S3).</summary>
    public bool UriEscapePath { get; init; } = true;

    /// <summary>Add and sign an <c>x-amz-content-sha256</c> header (what the AWS JS SDK does by default, Kinesis included).</summary>
    public bool ApplyChecksum { get; init; } = true;
}
