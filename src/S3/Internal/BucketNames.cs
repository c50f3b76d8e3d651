using System.Net;

namespace Upt.S3.Internal;

/// <summary>The S3 bucket naming rules (general purpose buckets) and what they mean for addressing.</summary>
internal static class BucketNames
{
    /// <summary>Null when <paramref name="name"/> follows the current S3 naming rules, else why not.</summary>
    public static string? Check(string name)
    {
        if (name.Length is < 3 or > 63)
        {
            return $"bucket name \"{name}\" must be 3 to 63 characters long (is {name.Length})";
        }

        foreach (var c in name)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-'))
            {
                return $"bucket name \"{name}\" may only contain lower-case letters, digits, '.' and '-' (found '{c}')";
            }
        }

        if (!char.IsAsciiLetterOrDigit(name[0]) || !char.IsAsciiLetterOrDigit(name[^1]))
        {
            return $"bucket name \"{name}\" must start and end with a letter or digit";
        }

        if (name.Contains("..", StringComparison.Ordinal) || name.Contains(".-", StringComparison.Ordinal) || name.Contains("-.", StringComparison.Ordinal))
        {
            return $"bucket name \"{name}\" must not contain \"..\", \".-\" or \"-.\"";
        }

        if (IPAddress.TryParse(name, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
        {
            return $"bucket name \"{name}\" must not look like an IP address";
        }

        return null;
    }

    /// <summary>
    /// True when the bucket can be a host label: virtual-hosted style needs that, and over https also no dots,
    /// because the endpoint's wildcard certificate covers one label only.
    /// </summary>
    public static bool CanBeHostLabel(string name, bool https) =>
        Check(name) is null && !(https && name.Contains('.', StringComparison.Ordinal));
}
