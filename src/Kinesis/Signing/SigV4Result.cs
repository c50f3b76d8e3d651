namespace Upt.Kinesis;

/// <summary>The outcome of <see cref="SigV4Signer.Sign"/>: the headers to send and the intermediate strings (for diagnostics).</summary>
public sealed class SigV4Result
{
    internal SigV4Result(
        IReadOnlyList<KeyValuePair<string, string>> headers,
        string authorization,
        string amzDate,
        string? contentSha256,
        string signedHeaders,
        string signature,
        string canonicalRequest,
        string stringToSign)
    {
        Headers = headers;
        Authorization = authorization;
        AmzDate = amzDate;
        ContentSha256 = contentSha256;
        SignedHeaders = signedHeaders;
        Signature = signature;
        CanonicalRequest = canonicalRequest;
        StringToSign = stringToSign;
    }

    /// <summary>Every header of the signed request: the input headers (minus <c>authorization</c>, <c>date</c>, <c>x-amz-date</c>) plus the added ones.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The <c>Authorization</c> header value.</summary>
    public string Authorization { get; }

    /// <summary>The <c>X-Amz-Date</c> header value (<c>yyyyMMddTHHmmssZ</c>).</summary>
    public string AmzDate { get; }

    /// <summary>The <c>x-amz-content-sha256</c> header value the signer added, or null when it added none.</summary>
    public string? ContentSha256 { get; }

    /// <summary>The signed header names, <c>;</c>-separated.</summary>
    public string SignedHeaders { get; }

    /// <summary>The hex signature.</summary>
    public string Signature { get; }

    /// <summary>The canonical request (contains no secrets; a session token header value may appear in it).</summary>
    public string CanonicalRequest { get; }

    /// <summary>The string to sign.</summary>
    public string StringToSign { get; }
}
