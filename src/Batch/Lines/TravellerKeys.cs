using System.Text.Json;

namespace Upt.Batch.Lines;

/// <summary>
/// The main traveller id of a business object, chosen as <c>Upt.Feed.Envelopes.PartitionKeys</c> chooses the Kinesis
/// partition key, so that a batch job orders one traveller's objects exactly as the real-time path does.
/// </summary>
public static class TravellerKeys
{
    /// <summary>The traveller id of <paramref name="data"/>, or null when the object carries none.</summary>
    public static string? Of(string objectType, JsonElement data) => objectType switch
    {
        "air_booking" => Text(data, "passengerInfo", "passengers", 0, "id"),
        "hotel_booking" => Text(data, "segments", 0, "holder", "id") ?? Text(data, "holder", "id"),
        "hotel_stay" => Text(data, "guestId"),
        "customer_service_interaction" => Text(data, "sessionId"),
        "clickstream" => Text(data, "session", "id") ?? Text(data, "userId"),
        _ => Text(data, "id"),
    };

    private static string? Text(JsonElement element, params object[] path)
    {
        foreach (var step in path)
        {
            if (step is string name && element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var child))
            {
                element = child;
            }
            else if (step is int index && element.ValueKind == JsonValueKind.Array && element.GetArrayLength() > index)
            {
                element = element[index];
            }
            else
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.String && element.GetString() is { Length: > 0 } s ? s : null;
    }
}
