using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Upt.Kinesis;

/// <summary>
/// AWS Signature Version 4 (header signing), byte-compatible with <c>@smithy/signature-v4</c> as the AWS JS SDK v3 uses it.
/// Signing keys are cached per credentials, day, region and service.
/// </summary>
public static class SigV4Signer
{
    /// <summary>The algorithm identifier.</summary>
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>The hex SHA-256 of an empty payload.</summary>
    public const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private const string ContentSha256Header = "x-amz-content-sha256";
    private const int MaxCachedKeys = 64;

    private static readonly HashSet<string> AlwaysUnsignable = new(StringComparer.Ordinal)
    {
        "authorization", "cache-control", "connection", "expect", "from", "keep-alive", "max-forwards", "pragma",
        "referer", "te", "trailer", "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
    };

    private static readonly ConcurrentDictionary<SigningKeyId, byte[]> KeyCache = new();

    /// <summary>Lower-case hex SHA-256 of a payload.</summary>
    public static string HashPayload(ReadOnlySpan<byte> payload)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(payload, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Signs <paramref name="request"/> with <paramref name="credentials"/> at <paramref name="time"/>.</summary>
    public static SigV4Result Sign(SigV4Request request, AwsCredentials credentials, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrEmpty(request.Service);
        ArgumentException.ThrowIfNullOrEmpty(request.Region);
        if (!request.Uri.IsAbsoluteUri)
        {
            throw new ArgumentException("The request URI must be absolute.", nameof(request));
        }

        var utc = time.UtcDateTime;
        var amzDate = utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var shortDate = amzDate[..8];
        var scope = $"{shortDate}/{request.Region}/{request.Service}/aws4_request";

        // Headers as the signed request will carry them (generated headers are replaced).
        var headers = new List<KeyValuePair<string, string>>(request.Headers.Count + 5);
        var hasHost = false;
        string? contentSha = null;
        foreach (var h in request.Headers)
        {
            var lower = h.Key.ToLowerInvariant();
            if (lower is "authorization" or "x-amz-date" or "date")
            {
                continue;
            }

            hasHost |= lower == "host";
            if (lower == ContentSha256Header)
            {
                contentSha ??= h.Value;
            }

            headers.Add(h);
        }

        if (!hasHost)
        {
            headers.Add(new("host", request.Uri.Authority));
        }

        headers.Add(new("x-amz-date", amzDate));
        if (!string.IsNullOrEmpty(credentials.SessionToken))
        {
            headers.Add(new("x-amz-security-token", credentials.SessionToken));
        }

        var payloadHash = contentSha ?? request.PayloadHash ?? HashPayload(request.Body.Span);
        string? addedSha = null;
        if (contentSha is null && request.ApplyChecksum)
        {
            addedSha = payloadHash;
            headers.Add(new(ContentSha256Header, payloadHash));
        }

        // Canonical headers: lower-case names, sorted, values with folded whitespace; later duplicates win.
        var canonical = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var h in headers)
        {
            var name = h.Key.ToLowerInvariant();
            if (AlwaysUnsignable.Contains(name) || name.StartsWith("proxy-", StringComparison.Ordinal) || name.StartsWith("sec-", StringComparison.Ordinal))
            {
                continue;
            }

            canonical[name] = NormalizeHeaderValue(h.Value);
        }

        var signedHeaders = string.Join(';', canonical.Keys);
        var sb = new StringBuilder(512);
        sb.Append(request.Method).Append('\n');
        sb.Append(CanonicalPath(request.Uri.AbsolutePath, request.UriEscapePath)).Append('\n');
        sb.Append(CanonicalQuery(request.Uri.Query)).Append('\n');
        var first = true;
        foreach (var (name, value) in canonical)
        {
            if (!first)
            {
                sb.Append('\n');
            }

            first = false;
            sb.Append(name).Append(':').Append(value);
        }

        sb.Append("\n\n").Append(signedHeaders).Append('\n').Append(payloadHash);
        var canonicalRequest = sb.ToString();

        var stringToSign = $"{Algorithm}\n{amzDate}\n{scope}\n{HashPayload(Encoding.UTF8.GetBytes(canonicalRequest))}";
        var key = GetSigningKey(credentials, shortDate, request.Region, request.Service);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        var authorization = $"{Algorithm} Credential={credentials.AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";
        headers.Add(new("authorization", authorization));
        return new SigV4Result(headers, authorization, amzDate, addedSha, signedHeaders, signature, canonicalRequest, stringToSign);
    }

    /// <summary>The SigV4 signing key for a day (<c>yyyyMMdd</c>), region and service; cached.</summary>
    public static byte[] GetSigningKey(AwsCredentials credentials, string shortDate, string region, string service)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var id = new SigningKeyId(credentials.AccessKeyId, credentials.SecretAccessKey, shortDate, region, service);
        if (KeyCache.TryGetValue(id, out var cached))
        {
            return cached;
        }

        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + credentials.SecretAccessKey), Encoding.UTF8.GetBytes(shortDate));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        key = HMACSHA256.HashData(key, "aws4_request"u8);
        if (KeyCache.Count >= MaxCachedKeys)
        {
            KeyCache.Clear();
        }

        KeyCache[id] = key;
        return key;
    }

    /// <summary>RFC 3986 encoding as SigV4 wants it: everything but <c>A-Z a-z 0-9 - _ . ~</c> becomes upper-case <c>%XX</c> of its UTF-8 bytes.</summary>
    public static string UriEncode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var needs = false;
        foreach (var c in value)
        {
            if (!IsUnreserved(c))
            {
                needs = true;
                break;
            }
        }

        if (!needs)
        {
            return value;
        }

        var maxBytes = Encoding.UTF8.GetMaxByteCount(value.Length);
        var rented = ArrayPool<byte>.Shared.Rent(maxBytes);
        try
        {
            var count = Encoding.UTF8.GetBytes(value, rented);
            var sb = new StringBuilder(count * 3);
            for (var i = 0; i < count; i++)
            {
                var b = rented[i];
                if (b < 0x80 && IsUnreserved((char)b))
                {
                    sb.Append((char)b);
                }
                else
                {
                    sb.Append('%').Append("0123456789ABCDEF"[b >> 4]).Append("0123456789ABCDEF"[b & 0xF]);
                }
            }

            return sb.ToString();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static bool IsUnreserved(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~';

    private static string NormalizeHeaderValue(string value)
    {
        var sb = new StringBuilder(value.Length);
        var inSpace = false;
        foreach (var raw in value)
        {
            var c = raw is '\r' or '\n' ? ' ' : raw;
            if (c is ' ' or '\t')
            {
                if (!inSpace)
                {
                    sb.Append(' ');
                }

                inSpace = true;
            }
            else
            {
                inSpace = false;
                sb.Append(c);
            }
        }

        if (sb.Length > 0 && sb[0] == ' ')
        {
            sb.Remove(0, 1);
        }

        if (sb.Length > 0 && sb[^1] == ' ')
        {
            sb.Length--;
        }

        return sb.ToString();
    }

    private static string CanonicalPath(string path, bool escape)
    {
        if (!escape)
        {
            return path;
        }

        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else
            {
                segments.Add(segment);
            }
        }

        var normalized = (path.StartsWith('/') ? "/" : string.Empty)
            + string.Join('/', segments)
            + (segments.Count > 0 && path.EndsWith('/') ? "/" : string.Empty);
        return UriEncode(normalized).Replace("%2F", "/", StringComparison.Ordinal);
    }

    private static string CanonicalQuery(string query)
    {
        if (query.Length <= 1)
        {
            return string.Empty;
        }

        var byKey = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var part in query.AsSpan(1).ToString().Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq < 0 ? part : part[..eq]);
            var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(part[(eq + 1)..]);
            if (key.Equals("x-amz-signature", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var encodedKey = UriEncode(key);
            if (!byKey.TryGetValue(encodedKey, out var list))
            {
                byKey[encodedKey] = list = [];
            }

            list.Add($"{encodedKey}={UriEncode(value)}");
        }

        var sb = new StringBuilder(query.Length + 16);
        foreach (var pairs in byKey.Values)
        {
            pairs.Sort(StringComparer.Ordinal);
            foreach (var pair in pairs)
            {
                if (sb.Length > 0)
                {
                    sb.Append('&');
                }

                sb.Append(pair);
            }
        }

        return sb.ToString();
    }

    private readonly record struct SigningKeyId(string AccessKeyId, string Secret, string Date, string Region, string Service);
}
