using System.Text.Json.Nodes;
using Upt.Feed.Envelopes;

namespace Upt.Cli.Bench;

/// <summary>
/// The clickstream event the bench's grain-level phases ingest: one object row per event, the session id as traveller,
/// so a caller controls exactly which profile each event lands in.
/// </summary>
internal static class BenchClickstream
{
    /// <summary>An enveloped event of <paramref name="session"/> (its traveller id) at <paramref name="at"/>.</summary>
    public static byte[] Envelope(string domain, string session, DateTimeOffset at, string uid)
    {
        var stamp = EnvelopeWriter.FormatTimestamp(at);
        var data = new JsonObject
        {
            ["modelVersion"] = "1.0",
            ["event_type"] = "search_flight",
            ["event_timestamp"] = stamp,
            ["arrival_timestamp"] = stamp,
            ["device"] = new JsonObject { ["useragent"] = "UptBench/1.0", ["ipAddress"] = "127.0.0.1" },
            ["session"] = new JsonObject { ["id"] = session },
            ["userId"] = session + "-user",
            ["attributes"] = new JsonArray(new JsonObject { ["type"] = "string", ["name"] = "destination", ["stringValue"] = "LIS" }),
        };
        return EnvelopeWriter.Wrap("clickstream", domain, data, at, uid);
    }
}
