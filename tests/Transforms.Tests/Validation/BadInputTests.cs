using System.Text;
using System.Text.Json.Nodes;
using Upt.Transforms.Tests.Support;
using Xunit;

namespace Upt.Transforms.Tests.Validation;

/// <summary>Malformed shapes and values give a clear error (never an unhandled exception) and no records.</summary>
public sealed class BadInputTests
{
    private static string Rejected(string objectType, JsonNode input)
    {
        var result = Inputs.Run(objectType, input);
        Assert.False(result.IsSuccess, "expected a rejection");
        Assert.Empty(result.AllRecords);
        return result.Error.Message;
    }

    [Fact]
    public void Null_where_a_list_is_expected()
    {
        var p = Inputs.Golden("guest_profile/data1");
        p["emails"] = null;

        Assert.Equal("emails must be a list, got null", Rejected("guest_profile", p));
    }

    [Fact]
    public void Null_where_an_object_is_expected()
    {
        var p = Inputs.Golden("guest_profile/data1");
        p["nationality"] = null;

        Assert.Equal("nationality must be an object, got null", Rejected("guest_profile", p));
    }

    [Fact]
    public void List_item_that_is_not_an_object()
    {
        var p = Inputs.Golden("pax_profile/data1");
        p["phones"] = new JsonArray("555-1234");

        Assert.Equal("phones items must be objects, got string", Rejected("pax_profile", p));
    }

    [Fact]
    public void Object_where_a_string_is_expected()
    {
        var p = Inputs.Golden("pax_profile/data1");
        p["firstName"] = new JsonObject { ["given"] = "Ann" };

        Assert.Equal("firstName must be a string, got object", Rejected("pax_profile", p));
    }

    [Fact]
    public void Number_where_a_string_is_expected_becomes_its_python_text()
    {
        // UPT applies str() to scalars; golden clickstream/customer_1 relies on it (numeric geofence_latitude).
        var p = Inputs.Golden("pax_profile/data1");
        p["jobTitle"] = JsonNode.Parse("12.0");
        p["honorific"] = true;

        var rec = Inputs.Run("pax_profile", p).Group("air_profile_recs")[0];

        Assert.Equal("12.0", (string?)rec["job_title"]);
        Assert.Equal("True", (string?)rec["honorific"]);
    }

    [Fact]
    public void Numeric_phone_number()
    {
        var p = Inputs.Golden("pax_profile/data1");
        p["phones"]![0]!["number"] = 5551234;

        Assert.Equal("phone number must be a string, got number", Rejected("pax_profile", p));
    }

    [Fact]
    public void Phone_longer_than_30()
    {
        var p = Inputs.Golden("pax_profile/data1");
        p["phones"]![0]!["number"] = new string('1', 31);

        Assert.Equal("phone number field value exceeds the maximum field length of 30", Rejected("pax_profile", p));
    }

    [Fact]
    public void Name_of_256_characters()
    {
        var p = Inputs.Golden("guest_profile/data1");
        p["lastName"] = new string('x', 256);

        Assert.Equal("field value of size 256  exceeds the maximum field length of 255", Rejected("guest_profile", p));
    }

    [Fact]
    public void Name_of_255_characters_is_fine()
    {
        var p = Inputs.Golden("guest_profile/data1");
        p["lastName"] = new string('x', 255);

        Assert.True(Inputs.Run("guest_profile", p).IsSuccess);
    }

    [Theory]
    [InlineData("Ann<script>", "field value contains invalid characters <")]
    [InlineData("a=b", "field value contains invalid characters =")]
    [InlineData("two\nlines", "field value contains invalid characters \\n")]
    public void Forbidden_characters(string name, string message)
    {
        var p = Inputs.Golden("guest_profile/data1");
        p["firstName"] = name;

        Assert.Equal(message, Rejected("guest_profile", p));
    }

    [Theory]
    [InlineData("2024-06-03T10:52:46Z")]
    [InlineData("2024-06-03T10:52:46.123456789Z")]
    [InlineData("2024-06-03T10:52:46.123+02:00")]
    [InlineData("2024-13-03T10:52:46.1Z")]
    public void Timestamp_not_in_the_strict_format(string timestamp)
    {
        var p = Inputs.Golden("guest_profile/data1");
        p["lastUpdatedOn"] = timestamp;

        Assert.Equal($"invalid last updated time: time data '{timestamp}' does not match format '%Y-%m-%dT%H:%M:%S.%fZ'", Rejected("guest_profile", p));
    }

    [Fact]
    public void Missing_timestamp_uses_the_clock()
    {
        var p = Inputs.Golden("guest_profile/data1");
        p.Remove("lastUpdatedOn");

        var rec = Inputs.Run("guest_profile", p).Group("guest_profile_recs")[0];

        Assert.Equal("2025-01-02T03:04:05.678901Z", (string?)rec["last_updated"]);
        Assert.Equal("2025-01-02-03", (string?)rec["last_updated_partition"]);
    }

    [Fact]
    public void Extended_data_over_5000_encoded()
    {
        var p = Inputs.Golden("guest_profile/data1");
        p["extendedData"] = new JsonObject { ["blob"] = new string('a', 3800) };

        Assert.Equal("Maximum length of encoded extended data is 5000", Rejected("guest_profile", p));
    }

    [Fact]
    public void Extended_data_is_python_json_in_base64()
    {
        var p = Inputs.Golden("guest_profile/data1");
        p["extendedData"] = new JsonObject { ["tier"] = "gold", ["n"] = 1, ["x"] = 2.5, ["é"] = true };

        var rec = Inputs.Run("guest_profile", p).Group("guest_profile_recs")[0];

        Assert.Equal("{\"tier\": \"gold\", \"n\": 1, \"x\": 2.5, \"\\u00e9\": true}", Encoding.ASCII.GetString(Convert.FromBase64String((string)rec["extended_data"]!)));
    }

    [Fact]
    public void Extended_data_string_that_is_not_json()
    {
        var p = Inputs.Golden("guest_profile/data1");
        p["extendedData"] = "not json";

        Assert.Equal("extendedData is a string that is not valid JSON", Rejected("guest_profile", p));
    }

    [Fact]
    public void Conversation_of_501_items()
    {
        var csi = Inputs.Golden("customer_service_interaction/data2");
        var items = new JsonArray();
        for (var i = 0; i < 501; i++)
        {
            items.Add(new JsonObject { ["from"] = "bot", ["content"] = "hi" });
        }

        csi["conversation"] = items;

        Assert.Equal("Maximum number of conversation items supported is 500.", Rejected("customer_service_interaction", csi));
    }

    [Fact]
    public void Conversation_content_over_500000_characters()
    {
        var csi = Inputs.Golden("customer_service_interaction/data2");
        csi["conversation"] = new JsonArray(new JsonObject { ["content"] = new string('a', 300_000) }, new JsonObject { ["content"] = new string('b', 200_001) });

        Assert.Equal("Maximum number of conversation items supported is 500000 after base64 encoding.", Rejected("customer_service_interaction", csi));
    }

    [Fact]
    public void Summary_over_5000()
    {
        var csi = Inputs.Golden("customer_service_interaction/data2");
        csi["summary"] = new string('s', 5001);

        Assert.Equal("field value of size 5001  exceeds the maximum field length of 5000", Rejected("customer_service_interaction", csi));
    }

    [Fact]
    public void Clickstream_attribute_without_name()
    {
        var click = Inputs.Golden("clickstream/data2");
        click["attributes"]!.AsArray().Add(new JsonObject { ["type"] = "string", ["stringValue"] = "x" });

        Assert.Equal("clickstream attribute must have a name", Rejected("clickstream", click));
    }

    [Fact]
    public void Air_booking_without_id()
    {
        var booking = Inputs.Golden("air_booking/data1");
        booking.Remove("id");

        Assert.Equal("air_booking must have an id", Rejected("air_booking", booking));
    }

    [Fact]
    public void Data_that_is_not_an_object()
    {
        var result = Inputs.Run("guest_profile", "[1,2]");

        Assert.Equal("data must be an object, got list", result.Error?.Message);
    }

    [Fact]
    public void Unknown_object_type()
    {
        var result = Inputs.Run("clickevent", "{}");

        Assert.Equal(new TransformError("transformer_exception", "('Unknown object type', 'clickevent')", "unknown", null), result.Error);
    }

    [Fact]
    public void Deeply_nested_and_huge_values_are_rejected_from_bytes()
    {
        var deep = Encoding.UTF8.GetBytes("{\"extendedData\":" + new string('[', 5000) + new string(']', 5000) + "}");
        var huge = Encoding.UTF8.GetBytes("{\"firstName\":\"" + new string('a', 2 << 20) + "\"}");

        var deepResult = BusinessObjectTransformer.Transform("guest_profile", deep, FixedClock.Options());
        var hugeResult = BusinessObjectTransformer.Transform("guest_profile", huge, FixedClock.Options());

        Assert.StartsWith("invalid JSON: ", deepResult.Error?.Message, StringComparison.Ordinal);
        Assert.StartsWith("record of ", hugeResult.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_value_inside_an_allowed_size_is_a_field_error()
    {
        var p = Inputs.Golden("guest_profile/data1");
        p["firstName"] = new string('a', 500_000);

        Assert.Equal("field value of size 500000  exceeds the maximum field length of 255", Rejected("guest_profile", p));
    }
}
