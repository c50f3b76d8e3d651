using System.Security.Cryptography;
using System.Text;

namespace Upt.Grains.Profiles;

/// <summary>
/// Profile ids derive from (domain, traveller id) with a name-based UUID, so that a replay or a lost
/// identifier cache can never split one traveller into two profiles (UPT drew random UUIDs).
/// </summary>
public static class ProfileIds
{
    private static readonly Guid Namespace = new("6f1c9a52-3f0e-4b8e-9a31-5d7c2e4b8f10");

    /// <summary>The profile id a new traveller gets.</summary>
    public static string ForTraveller(string domain, string travellerId)
    {
        Span<byte> ns = stackalloc byte[16];
        Namespace.TryWriteBytes(ns, bigEndian: true, out _);
        var name = Encoding.UTF8.GetBytes($"{domain}\n{travellerId}");
        var input = new byte[16 + name.Length];
        ns.CopyTo(input);
        name.CopyTo(input, 16);
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true).ToString("D");
    }
}
