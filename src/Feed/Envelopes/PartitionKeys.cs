using System.Text.Json.Nodes;

namespace Upt.Feed.Envelopes;

/// <summary>The main traveller id of a business object, used as Kinesis partition key (UPT uses the producer's key, §9 C5).</summary>
public static class PartitionKeys
{
    /// <summary>The traveller id UPT would use, or <paramref name="fallback"/> when the object carries none.</summary>
    public static string For(string objectType, JsonNode data, string fallback)
    {
        ArgumentNullException.ThrowIfNull(data);
        var id = objectType switch
        {
            "air_booking" => Text(data["passengerInfo"]?["passengers"]?[0]?["id"]),
            "hotel_booking" => Text(data["segments"]?[0]?["holder"]?["id"]) ?? Text(data["holder"]?["id"]),
            "hotel_stay" => Text(data["guestId"]),
            "customer_service_interaction" => Text(data["sessionId"]),
            "clickstream" => Text(data["session"]?["id"]) ?? Text(data["userId"]),
            _ => Text(data["id"]),
        };
        return id ?? fallback;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
}
