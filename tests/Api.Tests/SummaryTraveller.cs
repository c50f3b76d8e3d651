using System.Text.Json.Nodes;

namespace Upt.Api.Tests;

/// <summary>One traveller with a profile, a loyalty membership, a hotel stay, a service call and a web visit, all under one traveller id.</summary>
public static class SummaryTraveller
{
    /// <summary>The envelopes of traveller <paramref name="id"/> in <paramref name="domain"/>, profile first.</summary>
    public static JsonObject[] Envelopes(string domain, string id) =>
    [
        ErrorRecords.Envelope(domain, "guest_profile", new JsonObject
        {
            ["id"] = id,
            ["lastUpdatedOn"] = "2024-05-01T00:00:00.000Z",
            ["honorific"] = "Dr",
            ["firstName"] = "Ada",
            ["lastName"] = "Lovelace",
            ["gender"] = "female",
            ["dateOfBirth"] = "1985-12-10",
            ["nationality"] = new JsonObject { ["code"] = "GB" },
            ["language"] = new JsonObject { ["code"] = "en" },
            ["jobTitle"] = "Engineer",
            ["emails"] = new JsonArray(new JsonObject { ["type"] = "personal", ["address"] = "ada@example.com", ["primary"] = true }),
            ["phones"] = new JsonArray(new JsonObject { ["type"] = "mobile", ["number"] = "+44 20 7946 0958", ["primary"] = true }),
            ["addresses"] = new JsonArray(new JsonObject
            {
                ["type"] = "home", ["line1"] = "12 Marylebone Road", ["city"] = "London", ["postalCode"] = "NW1 5LR",
                ["country"] = new JsonObject { ["code"] = "GB" }, ["primary"] = true,
            }),
            ["loyaltyPrograms"] = new JsonArray(new JsonObject { ["id"] = "UR-1001", ["programName"] = "Upt Rewards", ["level"] = "gold", ["points"] = 1200, ["pointUnit"] = "points" }),
        }),
        ErrorRecords.Envelope(domain, "hotel_stay", new JsonObject
        {
            ["id"] = "ST-1",
            ["guestId"] = id,
            ["bookingId"] = "BK-1",
            ["hotelCode"] = "LHR01",
            ["startDate"] = "2024-06-01",
            ["lastUpdatedOn"] = "2024-06-04T10:00:00.000Z",
            ["currency"] = new JsonObject { ["code"] = "GBP" },
            ["revenue"] = new JsonArray(
                new JsonObject { ["type"] = "room", ["date"] = "2024-06-01", ["amount"] = 200, ["description"] = "Room" },
                new JsonObject { ["type"] = "minibar", ["date"] = "2024-06-02", ["amount"] = 12.5, ["description"] = "Minibar" }),
        }),
        ErrorRecords.Envelope(domain, "customer_service_interaction", new JsonObject
        {
            ["sessionId"] = id,
            ["channel"] = "phone",
            ["interactionType"] = "complaint",
            ["status"] = "resolved",
            ["startTime"] = "2024-06-05T09:00:00.000Z",
            ["endTime"] = "2024-06-05T09:10:00.000Z",
            ["conversation"] = new JsonArray(new JsonObject { ["from"] = "agent", ["to"] = "customer", ["content"] = "How can I help?", ["startTime"] = "2024-06-05T09:00:00Z" }),
        }),
        ErrorRecords.Envelope(domain, "clickstream", new JsonObject
        {
            ["event_type"] = "search_flight",
            ["event_timestamp"] = "2024-06-06T10:00:00.000Z",
            ["session"] = new JsonObject { ["id"] = id },
        }),
    ];
}
