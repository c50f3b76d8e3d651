using System.Text;
using System.Text.Json;

namespace Upt.Transforms.Common;

/// <summary><c>extended_data</c>: base64 of the Python-formatted JSON of a truthy <c>extendedData</c> (UPT §3.8).</summary>
internal static class ExtendedData
{
    public const int MaxEncodedLength = 5000;

    public static string Encode(JsonElement owner)
    {
        var value = Json.Get(owner, "extendedData");
        if (!Json.Truthy(value))
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        if (value.ValueKind == JsonValueKind.String)
        {
            // UPT json.loads a string value; a non-JSON string crashes it. Rejecting says why.
            var text = value.GetString()!;
            if (Encoding.UTF8.GetByteCount(text) > MaxEncodedLength)
            {
                throw new TransformException($"Maximum length of encoded extended data is {MaxEncodedLength}");
            }

            try
            {
                using var doc = JsonDocument.Parse(text);
                PythonJson.Write(sb, doc.RootElement);
            }
            catch (JsonException)
            {
                throw new TransformException("extendedData is a string that is not valid JSON");
            }
        }
        else
        {
            PythonJson.Write(sb, value);
        }

        // The Python text is ASCII only, so base64 length is a function of sb.Length: check before encoding.
        if ((sb.Length + 2) / 3 * 4 > MaxEncodedLength)
        {
            throw new TransformException($"Maximum length of encoded extended data is {MaxEncodedLength}");
        }

        return Base64Ascii(sb);
    }

    public static string Base64Ascii(StringBuilder ascii)
    {
        var bytes = new byte[ascii.Length];
        var i = 0;
        foreach (var chunk in ascii.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                bytes[i++] = (byte)c;
            }
        }

        return Convert.ToBase64String(bytes);
    }
}
