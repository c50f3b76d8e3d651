using System.Text.Json.Nodes;

namespace Upt.DataPermissions.Tests;

/// <summary>Comparisons follow the attribute's JSON type and fail closed on anything else.</summary>
public sealed class TypingTests
{
    private static readonly JsonObject Record = new()
    {
        ["price"] = 120.5,
        ["n_nights"] = 2.0,
        ["count"] = 7,
        ["status"] = "confirmed",
        ["departure_date"] = "2024-05-02",
        ["created"] = "2024-03-01T23:30:00-05:00",
        ["clr_time"] = JsonValue.Create(new DateTimeOffset(2024, 3, 1, 23, 30, 0, TimeSpan.Zero)),
        ["is_vip"] = true,
        ["empty"] = null,
        ["address"] = new JsonObject { ["Country"] = "US" },
        ["tags"] = new JsonArray("a"),
    };

    [Theory]
    [InlineData("price > 100", true)]
    [InlineData("price < 100", false)]
    [InlineData("price = 120.5", true)]
    [InlineData("price >= 120.50", true)]
    [InlineData("price != 3", true)]
    [InlineData("n_nights in [1,2]", true)]
    [InlineData("count <= 7", true)]
    [InlineData("count > 10", false)]
    [InlineData("price > abc", false)]
    [InlineData("price != abc", false)]
    [InlineData("price = NaN", false)]
    public void Numbers_compare_numerically(string condition, bool expected) => AssertHolds(condition, expected);

    [Theory]
    [InlineData("status = confirmed", true)]
    [InlineData("status = Confirmed", false)]
    [InlineData("status != cancelled", true)]
    [InlineData("status in [cancelled,confirmed]", true)]
    [InlineData("status > a", false)]
    [InlineData("status <= zzz", false)]
    [InlineData("status = 1", false)]
    public void Strings_compare_exactly_and_only_for_equality(string condition, bool expected) => AssertHolds(condition, expected);

    [Theory]
    [InlineData("departure_date = 2024/05/02", true)]
    [InlineData("departure_date < 2024/06/01", true)]
    [InlineData("departure_date >= 2024/05/03", false)]
    [InlineData("created = 2024/03/02", true)]
    [InlineData("created = 2024/03/01", false)]
    [InlineData("clr_time = 2024/03/01", true)]
    [InlineData("clr_time > 2024/03/01", false)]
    [InlineData("clr_time in [2024/01/01,2024/03/01]", true)]
    [InlineData("departure_date = 2024-05-02", true)]
    [InlineData("departure_date > 2024/13/01", false)]
    [InlineData("status > 2024/01/01", false)]
    public void Dates_compare_by_UTC_day(string condition, bool expected) => AssertHolds(condition, expected);

    [Theory]
    [InlineData("is_vip = true", true)]
    [InlineData("is_vip != false", true)]
    [InlineData("is_vip = True", false)]
    [InlineData("is_vip = yes", false)]
    [InlineData("is_vip > false", false)]
    public void Booleans_compare_only_with_true_and_false(string condition, bool expected) => AssertHolds(condition, expected);

    [Theory]
    [InlineData("missing = x", false)]
    [InlineData("missing != x", false)]
    [InlineData("empty = null", false)]
    [InlineData("empty != x", false)]
    [InlineData("address = x", false)]
    [InlineData("tags = a", false)]
    [InlineData("address.Country = US", true)]
    [InlineData("address.Country.x = US", false)]
    public void Missing_null_and_structured_attributes_fail_closed(string condition, bool expected) => AssertHolds(condition, expected);

    private static void AssertHolds(string condition, bool expected) =>
        Assert.Equal(expected, P.Parse($"clickstream/*?{condition}").Grants[0].Shows(Record));
}
