using System.Text.Json.Nodes;

namespace Upt.DataPermissions.Tests;

/// <summary>Parsing helpers and data shaped like the API's answers (traveller view and flat records).</summary>
internal static class P
{
    public static DataPermission Parse(string text)
    {
        Assert.True(DataPermission.TryParse(text, out var permission, out var error), $"'{text}' should parse: {error}");
        return permission;
    }

    public static PermissionSyntaxError Error(string text)
    {
        Assert.False(DataPermission.TryParse(text, out var permission, out var error), $"'{text}' should not parse, got {permission}");
        return error;
    }

    public static DataAccess Access(params string[] permissions) => DataAccess.Union(permissions.Select(DataPermission.ParseOrNone));

    /// <summary>Profile-level fields as <c>TravellerMapper.ToTraveller</c> renders them.</summary>
    public static JsonObject Traveller(string nationality = "US") => new()
    {
        ["connectId"] = "0b9a6c1e-0000-4000-8000-000000000001",
        ["travellerId"] = "t-1",
        ["firstName"] = "Ana",
        ["lastName"] = "Rice",
        ["birthDate"] = "1990-05-01",
        ["pronoun"] = "she",
        ["nationalityCode"] = nationality,
        ["lastUpdated"] = JsonValue.Create(new DateTimeOffset(2024, 3, 1, 23, 30, 0, TimeSpan.Zero)),
        ["homeAddress"] = new JsonObject { ["City"] = "Boston", ["Country"] = "US" },
    };

    /// <summary>An air booking record (flat record columns, plus the ids the 360 view adds).</summary>
    public static JsonObject AirBooking(string from, string to, string status = "confirmed") => new()
    {
        ["accpObjectID"] = $"{from}-{to}",
        ["travellerId"] = "t-1",
        ["from"] = from,
        ["to"] = to,
        ["status"] = status,
        ["price"] = 120.5,
        ["departure_date"] = "2024-05-02",
        ["last_updated"] = "2024-01-01T00:00:00.000Z",
    };

    /// <summary>A hotel booking record with UPT's camelCase field as a snake_case column.</summary>
    public static JsonObject HotelBooking(string hotel) => new()
    {
        ["accpObjectID"] = $"b-{hotel}",
        ["hotel_code"] = hotel,
        ["n_nights"] = 2.0,
        ["status"] = "confirmed",
    };

    public static string[] Keys(JsonObject? data) => data is null ? [] : data.Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
}
