using System.Security.Cryptography;
using System.Text.Json;

namespace Upt.Transforms.Common;

/// <summary>
/// Name-based (RFC 4122 version 5, SHA-1) UUIDs replacing UPT's random UUID4 fallbacks (§9 B8): a replay of the
/// same object yields the same ids, so re-ingestion upserts instead of creating new profiles.
/// </summary>
internal static class DeterministicIds
{
    // Fixed namespace for Upt transform fallback ids; changing it would re-key every id-less traveller.
    private static readonly Guid Namespace = new("6f1c9a52-3d4e-5b7a-9c1d-2e8f4a6b0c3d");

    public static string Uuid5(string name) => NameBasedUuid.Create(Namespace, name);

    /// <summary>Hex SHA-256 of a canonical form (object keys sorted ordinally), so key order and whitespace do not matter.</summary>
    public static string CanonicalHash(JsonElement value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteCanonical(writer, value);
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
    }

    private static void WriteCanonical(Utf8JsonWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var p in value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(p.Name);
                    WriteCanonical(writer, p.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    WriteCanonical(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.Undefined:
                writer.WriteNullValue();
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }
}
