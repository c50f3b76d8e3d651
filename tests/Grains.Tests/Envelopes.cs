using System.Text;
using System.Text.Json.Nodes;

namespace Upt.Grains.Tests;

/// <summary>Builds UPT envelopes and raw records for tests.</summary>
internal static class Envelopes
{
    private static long _sequence;

    public static JsonObject GuestProfile(string id, string firstName, string lastName, string email, string lastUpdatedOn, string? phone = null, string? loyaltyId = null)
    {
        var profile = new JsonObject
        {
            ["id"] = id,
            ["lastUpdatedOn"] = lastUpdatedOn,
            ["firstName"] = firstName,
            ["lastName"] = lastName,
            ["emails"] = new JsonArray(new JsonObject { ["type"] = "personal", ["address"] = email }),
            ["phones"] = phone is null ? new JsonArray() : new JsonArray(new JsonObject { ["type"] = "mobile", ["number"] = phone }),
            ["loyaltyPrograms"] = loyaltyId is null ? new JsonArray() : new JsonArray(new JsonObject { ["id"] = loyaltyId, ["level"] = "Blue" }),
        };
        return profile;
    }

    public static JsonObject Envelope(string domain, string objectType, JsonNode data, string mode = "", string? uid = null, string[]? partialFields = null) => new()
    {
        ["objectType"] = objectType,
        ["modelVersion"] = "1.0",
        ["domain"] = domain,
        ["mode"] = mode,
        ["data"] = data,
        ["uid"] = uid ?? Guid.NewGuid().ToString(),
        ["partialModeOptions"] = new JsonObject { ["fields"] = new JsonArray((partialFields ?? []).Select(f => (JsonNode)JsonValue.Create(f)).ToArray()) },
    };

    public static RawRecord Raw(JsonNode envelope, string? sourceId = null) => Raw(Encoding.UTF8.GetBytes(envelope.ToJsonString()), sourceId);

    public static RawRecord Raw(byte[] bytes, string? sourceId = null) =>
        new(sourceId ?? $"test/{Interlocked.Increment(ref _sequence)}/{Guid.NewGuid():N}", bytes, DateTimeOffset.UtcNow);
}
