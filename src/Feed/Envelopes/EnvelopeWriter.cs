using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Upt.Feed.Envelopes;

/// <summary>Wraps business objects into UPT input envelopes (upt-transform §1.1).</summary>
public static class EnvelopeWriter
{
    /// <summary>UPT's envelope timestamp format, <c>YYYY-MM-DDTHH:MM:SS.ffffffZ</c>.</summary>
    public static string FormatTimestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The envelope JSON for one business object (<paramref name="data"/> must be a JSON object).</summary>
    public static byte[] Wrap(string objectType, string domain, JsonNode data, DateTimeOffset timestamp, string uid, string mode = "")
    {
        ArgumentNullException.ThrowIfNull(data);
        var envelope = new JsonObject
        {
            ["objectType"] = objectType,
            ["modelVersion"] = "1.0",
            ["data"] = data.Parent is null ? data : data.DeepClone(),
            ["domain"] = domain,
            ["mode"] = mode,
            ["timestamp"] = FormatTimestamp(timestamp),
            ["uid"] = uid,
        };
        return JsonSerializer.SerializeToUtf8Bytes(envelope);
    }

    /// <summary>
    /// Wraps each non-blank JSONL line (one business object per line, e.g. <c>shared/upt/batch/*.jsonl</c>).
    /// Timestamps start at <paramref name="start"/> and advance one millisecond per object; uids are deterministic.
    /// </summary>
    public static IEnumerable<GeneratedEnvelope> WrapJsonl(TextReader jsonl, string objectType, string domain, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(jsonl);
        var index = 0;
        while (jsonl.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var data = JsonNode.Parse(line) ?? throw new FormatException($"line {index + 1} is null");
            var uid = DeterministicUid($"{objectType}/{domain}/{index}/{line.Length}");
            var bytes = Wrap(objectType, domain, data, start.AddMilliseconds(index), uid);
            yield return new GeneratedEnvelope(objectType, PartitionKeys.For(objectType, data, uid), bytes);
            index++;
        }
    }

    internal static string DeterministicUid(string name)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x40);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}
