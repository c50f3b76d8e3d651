using System.Text;
using Upt.Kinesis;

namespace Upt.S3.Internal;

/// <summary>
/// Builds request URIs for path-style or virtual-hosted-style addressing. Each key segment is encoded once with the SigV4
/// rules, and the URI is created without canonicalization, so what is signed is what goes on the wire.
/// </summary>
internal sealed class S3Endpoints
{
    // Without this, System.Uri would resolve "." and ".." segments of keys like "a/../b" and change the object addressed.
    private static readonly UriCreationOptions Verbatim = new() { DangerousDisablePathAndQueryCanonicalization = true };

    private readonly string _scheme;
    private readonly string _authority;
    private readonly string _basePath;
    private readonly bool _pathStyle;
    private readonly bool _https;

    public S3Endpoints(S3ClientOptions options)
    {
        var endpoint = options.ResolveServiceUrl();
        _scheme = endpoint.Scheme;
        _authority = endpoint.Authority;
        _basePath = endpoint.AbsolutePath.TrimEnd('/');
        // A bucket cannot be a subdomain of an IP address.
        _pathStyle = options.UsesPathStyle || endpoint.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6;
        _https = endpoint.Scheme == Uri.UriSchemeHttps;
    }

    /// <summary>The URI of a bucket (<paramref name="key"/> null) or an object, with the query parameters in the given order.</summary>
    public Uri For(string bucket, string? key, IReadOnlyList<KeyValuePair<string, string>>? query = null)
    {
        var sb = new StringBuilder(128);
        sb.Append(_scheme).Append("://");
        var pathStyle = _pathStyle || !BucketNames.CanBeHostLabel(bucket, _https);
        if (pathStyle)
        {
            sb.Append(_authority).Append(_basePath).Append('/').Append(SigV4Signer.UriEncode(bucket));
            if (key is not null)
            {
                sb.Append('/');
                AppendKey(sb, key);
            }
        }
        else
        {
            sb.Append(bucket).Append('.').Append(_authority).Append(_basePath).Append('/');
            if (key is not null)
            {
                AppendKey(sb, key);
            }
        }

        if (query is { Count: > 0 })
        {
            var first = true;
            foreach (var (name, value) in query)
            {
                sb.Append(first ? '?' : '&').Append(SigV4Signer.UriEncode(name)).Append('=').Append(SigV4Signer.UriEncode(value));
                first = false;
            }
        }

        return new Uri(sb.ToString(), Verbatim);
    }

    /// <summary>S3 takes the key as one path: '/' stays, everything else outside the unreserved set is percent-encoded once.</summary>
    private static void AppendKey(StringBuilder sb, string key)
    {
        var start = 0;
        while (true)
        {
            var slash = key.IndexOf('/', start);
            var segment = slash < 0 ? key[start..] : key[start..slash];
            sb.Append(SigV4Signer.UriEncode(segment));
            if (slash < 0)
            {
                return;
            }

            sb.Append('/');
            start = slash + 1;
        }
    }
}
