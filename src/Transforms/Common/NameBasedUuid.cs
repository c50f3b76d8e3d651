using System.Security.Cryptography;
using System.Text;

namespace Upt.Transforms.Common;

/// <summary>RFC 4122 version-5 (SHA-1, name-based) UUIDs: the same namespace and name always give the same id.</summary>
public static class NameBasedUuid
{
    /// <summary>The UUID of <paramref name="name"/> in <paramref name="namespaceId"/>, in "D" format.</summary>
    public static string Create(Guid namespaceId, string name)
    {
        Span<byte> ns = stackalloc byte[16];
        namespaceId.TryWriteBytes(ns, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        ns.CopyTo(input);
        nameBytes.CopyTo(input, 16);
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true).ToString("D");
    }
}
