using System.Text.Json;

namespace Upt.Grains.Ingest;

/// <summary>Reads only the top-level <c>domain</c> of an envelope (a cheap scan, before the full decode).</summary>
internal static class EnvelopeDomain
{
    public static string Peek(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return "";
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isDomain = reader.ValueTextEquals("domain"u8);
                reader.Read();
                if (isDomain)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() ?? "" : "";
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }

        return "";
    }
}
