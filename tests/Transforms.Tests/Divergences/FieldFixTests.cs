using System.Text.Json.Nodes;
using Upt.Transforms.Tests.Support;
using Xunit;

namespace Upt.Transforms.Tests.Divergences;

/// <summary>Field-level UPT bugs Upt fixes (each listed in docs/upt-divergences.md).</summary>
public sealed class FieldFixTests
{
    [Fact]
    public void All_or_nothing_when_a_later_passenger_is_invalid()
    {
        var booking = Inputs.Golden("air_booking/data2");
        var passengers = booking["passengerInfo"]!["passengers"]!.AsArray();
        passengers[1]!["emails"] = new JsonArray(new JsonObject { ["address"] = "not-an-email" });

        var result = Inputs.Run("air_booking", booking);

        Assert.False(result.IsSuccess);
        Assert.Empty(result.Groups);
        Assert.Empty(result.AllRecords);
        Assert.Equal(new TransformError("transformer_exception", "Email field contains invalid email format", "air_booking", "6239875150"), result.Error);
    }

    [Theory]
    [InlineData("false", false)]
    [InlineData("FALSE", false)]
    [InlineData("true", true)]
    [InlineData("yes", false)]
    public void String_booleans_parse_by_value(string text, bool expected)
    {
        var booking = Inputs.Golden("air_booking/data1");
        booking["passengerInfo"]!["passengers"]![0]!["phones"]![0]!["isVerified"] = text;

        var phone = Inputs.Run("air_booking", booking).Group("common_phone_recs")[0];

        Assert.Equal(expected, (bool)phone["is_verified"]!);
    }

    [Fact]
    public void Clickstream_reads_lowercase_num_pax_attributes()
    {
        var click = Inputs.Golden("clickstream/data1");
        click["attributes"]!.AsArray().Add(new JsonObject { ["type"] = "number", ["name"] = "num_pax_children", ["numValue"] = 2 });
        click["attributes"]!.AsArray().Where(a => (string?)a!["name"] == "num_pax_children" && a["numValue"] is null).ToList().ForEach(a => click["attributes"]!.AsArray().Remove(a));

        var rec = Inputs.Run("clickstream", click).Group("clickstream_recs")[0];

        Assert.Equal(4.0, (double)rec["num_pax_adults"]!);
        Assert.Equal(2.0, (double)rec["num_pax_children"]!);
    }

    [Fact]
    public void Baggage_schema_names_dimensions_and_lostBagInsurance_are_read()
    {
        var booking = Inputs.Golden("air_booking/data1");
        var bag = booking["ancillaryServices"]!["ancillaryServiceBaggage"]![0]!.AsObject();
        bag["dimensions"] = new JsonObject { ["length"] = 55, ["width"] = 40, ["height"] = 23 };
        bag["lostBagInsurance"] = true;

        var rec = Inputs.Run("air_booking", booking).Group("ancillary_recs").First(r => (string?)r["ancillary_type"] == "baggage");

        Assert.Equal(55.0, (double)rec["dimentions_length"]!);
        Assert.Equal(40.0, (double)rec["dimentions_width"]!);
        Assert.Equal(23.0, (double)rec["dimentions_height"]!);
        Assert.True((bool)rec["lot_bag_insurance"]!);
    }

    [Fact]
    public void Empty_segment_status_falls_back_to_booking_status()
    {
        var air = Inputs.Golden("air_booking/data1");
        air["itinerary"]!["segments"]![1]!["status"] = "flown";
        var hotel = Inputs.Golden("hotel_booking/data1");
        hotel["segments"]![0]!["status"] = "";

        var airStatuses = Inputs.Run("air_booking", air).Group("air_booking_recs").Take(3).Select(r => (string?)r["status"]);
        var hotelStatus = (string?)Inputs.Run("hotel_booking", hotel).Group("hotel_booking_recs")[0]["status"];

        Assert.Equal(["confirmed", "flown", "confirmed"], airStatuses);
        Assert.Equal("confirmed", hotelStatus);
    }

    [Fact]
    public void Blank_card_address_does_not_shadow_payment_address()
    {
        var rec = Inputs.Run("hotel_booking", Inputs.Golden("hotel_booking/data1")).Group("hotel_booking_recs")[0];

        Assert.Equal("3346 Portsberg", (string?)rec["address_billing_line1"]);
        Assert.Equal("KR", (string?)rec["address_billing_country"]);
    }

    [Fact]
    public void Non_blank_card_address_still_wins()
    {
        var hotel = Inputs.Golden("hotel_booking/data1");
        hotel["paymentInformation"]!["ccInfo"]!["address"] = new JsonObject { ["line1"] = "1 Card St", ["country"] = new JsonObject { ["code"] = "US" } };

        var rec = Inputs.Run("hotel_booking", hotel).Group("hotel_booking_recs")[0];

        Assert.Equal("1 Card St", (string?)rec["address_billing_line1"]);
        Assert.Equal("US", (string?)rec["address_billing_country"]);
    }

    [Fact]
    public void Hotel_booking_nationality_and_language_come_from_the_guest()
    {
        var rec = Inputs.Run("hotel_booking", Inputs.Golden("hotel_booking/data1")).Group("hotel_booking_recs")[0];

        Assert.Equal("NU", (string?)rec["nationality_code"]);
        Assert.Equal("fj", (string?)rec["language_code"]);
    }

    [Fact]
    public void Null_country_code_is_empty_not_the_text_None()
    {
        var profile = Inputs.Golden("pax_profile/data1");
        profile["phones"]![0]!["countryCode"] = null;

        var phone = Inputs.Run("pax_profile", profile).Group("common_phone_recs")[0];

        Assert.Equal(string.Empty, (string?)phone["country_code"]);
    }

    [Fact]
    public void Nan_number_becomes_zero_instead_of_unserialisable_NaN()
    {
        var stay = Inputs.Golden("hotel_stay/data2");
        stay["revenue"]![0]!["amount"] = "nan";

        var result = Inputs.Run("hotel_stay", stay);

        Assert.Equal(0.0, (double)result.Group("hotel_stay_revenue_items")[0]["amount"]!);
        Assert.DoesNotContain("NaN", result.ToGroupedJson().ToJsonString(), StringComparison.Ordinal);
    }
}
