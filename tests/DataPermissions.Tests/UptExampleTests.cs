using System.Text.Json.Nodes;

namespace Upt.DataPermissions.Tests;

/// <summary>Every example of UPT's grammar notes (upt-surface §2.3) parses, with UPT's meaning.</summary>
public sealed class UptExampleTests
{
    [Fact]
    public void Admin_grants_everything_and_returns_the_data_unchanged()
    {
        var access = DataAccess.Union([P.Parse("*/*")]);
        var record = P.AirBooking("JFK", "LAX");

        Assert.True(access.IsAdmin);
        Assert.Same(record, access.Filter("air_booking", record));
        Assert.True(access.CanSee("clickstream"));
    }

    [Fact]
    public void Empty_string_grants_nothing()
    {
        var permission = P.Parse("");
        var access = DataAccess.Union([permission]);

        Assert.Empty(permission.Grants);
        Assert.Null(access.Filter("traveller", P.Traveller()));
        Assert.False(access.CanSee("traveller"));
    }

    [Fact]
    public void Traveller_star_minus_birth_date_and_pronoun()
    {
        var access = P.Access("traveller/*,birthDate,pronoun");

        Assert.Equal(["connectId", "firstName", "homeAddress", "lastName", "lastUpdated", "nationalityCode", "travellerId"], P.Keys(access.Filter("traveller", P.Traveller())));
        Assert.False(access.CanSee("air_booking"));
        Assert.Null(access.Filter("air_booking", P.AirBooking("BOS", "JFK")));
    }

    [Fact]
    public void Traveller_star_minus_dob_excludes_nothing_because_dob_is_no_field()
    {
        var traveller = P.Traveller();

        Assert.Equal(P.Keys(traveller), P.Keys(P.Access("traveller/*,dob").Filter("traveller", traveller)));
    }

    [Fact]
    public void Names_only_and_air_bookings_touching_BOS()
    {
        var access = P.Access("traveller/firstName,lastName,connectId\nair_booking/*?from = BOS or to = BOS");

        Assert.Equal(["connectId", "firstName", "lastName"], P.Keys(access.Filter("traveller", P.Traveller())));
        Assert.NotNull(access.Filter("air_booking", P.AirBooking("BOS", "JFK")));
        Assert.NotNull(access.Filter("air_booking", P.AirBooking("JFK", "BOS")));
        Assert.Null(access.Filter("air_booking", P.AirBooking("JFK", "LAX")));
    }

    [Fact]
    public void Hotel_bookings_at_listed_hotels_with_UPTs_camelCase_field_name()
    {
        var access = P.Access("hotel_booking/*?hotelCode in [NYC01,BOS02]");

        Assert.NotNull(access.Filter("hotel_booking", P.HotelBooking("NYC01")));
        Assert.NotNull(access.Filter("hotel_booking", P.HotelBooking("BOS02")));
        Assert.Null(access.Filter("hotel_booking", P.HotelBooking("ATL03")));
    }

    [Fact]
    public void Three_columns_of_confirmed_BOS_bookings()
    {
        var access = P.Access("air_booking/from,to,status?(from = BOS or to = BOS) and status = confirmed");

        var shown = access.Filter("air_booking", P.AirBooking("BOS", "JFK"));
        Assert.Equal(new JsonObject { ["from"] = "BOS", ["to"] = "JFK", ["status"] = "confirmed" }.ToJsonString(), shown!.ToJsonString());
        Assert.Null(access.Filter("air_booking", P.AirBooking("BOS", "JFK", "cancelled")));
        Assert.Null(access.Filter("air_booking", P.AirBooking("JFK", "LAX")));
    }

    [Fact]
    public void Row_level_traveller_condition_drops_other_profiles()
    {
        var access = P.Access("traveller/*?nationalityCode = US");

        Assert.NotNull(access.Filter("traveller", P.Traveller("US")));
        Assert.Null(access.Filter("traveller", P.Traveller("FR")));
    }

    [Fact]
    public void Clickstream_from_2024_compares_days_of_timestamps()
    {
        var access = P.Access("clickstream/*?lastUpdated >= 2024/01/01");

        Assert.NotNull(access.Filter("clickstream", new JsonObject { ["last_updated"] = "2024-01-01T00:00:00Z" }));
        Assert.NotNull(access.Filter("clickstream", new JsonObject { ["last_updated"] = "2025-06-30T12:00:00.123Z" }));
        Assert.Null(access.Filter("clickstream", new JsonObject { ["last_updated"] = "2023-12-31T23:59:59Z" }));
    }

    [Fact]
    public void Admin_with_another_line_is_invalid_and_grants_nothing()
    {
        var error = P.Error("*/*\nclickstream/*");

        Assert.Equal("line 2, column 1: */* must be the only line of a permission", error.ToString());
        Assert.False(P.Access("*/*\nclickstream/*").CanSee("clickstream"));
    }
}
