using System.Diagnostics.CodeAnalysis;
using System.Text;
using Upt.S3.Internal;

namespace Upt.S3;

/// <summary>
/// A bucket and a key or key prefix, written <c>s3://bucket/key</c> as the AWS CLI does: the key part is taken
/// literally (no percent-decoding), so <c>s3://b/a b+c</c> is the key <c>a b+c</c>.
/// </summary>
/// <param name="Bucket">The bucket name.</param>
/// <param name="Key">The object key or key prefix; empty for the whole bucket.</param>
public sealed record S3Location(string Bucket, string Key)
{
    private const string Scheme = "s3://";
    private const int MaxKeyBytes = 1024;

    /// <summary>Parses <c>s3://bucket</c>, <c>s3://bucket/</c> or <c>s3://bucket/key-or-prefix</c>.</summary>
    /// <exception cref="FormatException">The text is not an s3 URI; the message says what is wrong.</exception>
    public static S3Location Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out var location, out var error) ? location : throw new FormatException(error);
    }

    /// <summary>Parses like <see cref="Parse"/> but returns false instead of throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out S3Location? location) =>
        TryParse(value, out location, out _);

    /// <summary>Parses like <see cref="Parse"/>; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out S3Location? location, [NotNullWhen(false)] out string? error)
    {
        location = null;
        error = Check(value, out var bucket, out var key);
        if (error is not null)
        {
            error = $"Invalid S3 location \"{value}\": {error}.";
            return false;
        }

        location = new S3Location(bucket!, key!);
        return true;
    }

    /// <summary><c>s3://bucket/key</c>.</summary>
    public override string ToString() => $"{Scheme}{Bucket}/{Key}";

    /// <summary>The key as a folder-like prefix: without leading or trailing '/', then one '/' appended; empty for the whole bucket.</summary>
    public string KeyPrefix => Key.Trim('/') is { Length: > 0 } prefix ? prefix + "/" : "";

    /// <summary>The location as a folder name: <c>s3://bucket</c> or <c>s3://bucket/prefix</c> (no trailing '/').</summary>
    public string FolderName => Key.Trim('/') is { Length: > 0 } prefix ? $"{Scheme}{Bucket}/{prefix}" : $"{Scheme}{Bucket}";

    private static string? Check(string? value, out string? bucket, out string? key)
    {
        bucket = key = null;
        if (string.IsNullOrEmpty(value))
        {
            return "it is empty; expected s3://bucket/prefix";
        }

        if (!value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return "it must start with s3:// (e.g. s3://bucket/prefix)";
        }

        var rest = value.AsSpan(Scheme.Length);
        var slash = rest.IndexOf('/');
        bucket = (slash < 0 ? rest : rest[..slash]).ToString();
        key = slash < 0 ? string.Empty : rest[(slash + 1)..].ToString();
        if (bucket.Length == 0)
        {
            return "the bucket name is missing";
        }

        if (BucketNames.Check(bucket) is { } bucketError)
        {
            return bucketError;
        }

        if (Encoding.UTF8.GetByteCount(key) > MaxKeyBytes)
        {
            return $"the key is longer than {MaxKeyBytes} UTF-8 bytes";
        }

        return null;
    }
}
