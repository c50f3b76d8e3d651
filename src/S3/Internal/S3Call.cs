namespace Upt.S3.Internal;

/// <summary>One S3 operation as the transport sends it: method, bucket, optional key, query, headers and body.</summary>
internal sealed record S3Call(string Operation, HttpMethod Method, string Bucket, string? Key)
{
    /// <summary>Query parameters, sent in this order (the signer sorts its canonical copy).</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Query { get; init; }

    /// <summary>The payload; null for none.</summary>
    public RequestBody? Body { get; init; }

    /// <summary>The <c>Content-Type</c> of the payload.</summary>
    public string? ContentType { get; init; }

    /// <summary>The <c>Range</c> header.</summary>
    public string? Range { get; init; }
}
