using System.Text.Json.Nodes;

namespace Upt.DataPermissions.Tests;

/// <summary>Several groups of one domain combine as a union (UPT: the last group wins); hidden fields are omitted.</summary>
public sealed class UnionTests
{
    [Fact]
    public void Field_lists_of_two_groups_add_up()
    {
        var access = P.Access("traveller/firstName", "traveller/lastName\nclickstream/*");

        Assert.Equal(["firstName", "lastName"], P.Keys(access.Filter("traveller", P.Traveller())));
        Assert.True(access.CanSee("clickstream"));
    }

    [Fact]
    public void Exclusions_of_two_groups_hide_only_what_both_hide()
    {
        var access = P.Access("traveller/*,birthDate,pronoun", "traveller/*,pronoun");

        Assert.DoesNotContain("pronoun", P.Keys(access.Filter("traveller", P.Traveller())));
        Assert.Contains("birthDate", P.Keys(access.Filter("traveller", P.Traveller())));
    }

    [Fact]
    public void Each_record_gets_the_fields_of_the_grants_whose_condition_it_meets()
    {
        var access = P.Access("air_booking/from?from = BOS", "air_booking/to?to = LAX");

        Assert.Equal(["from"], P.Keys(access.Filter("air_booking", P.AirBooking("BOS", "JFK"))));
        Assert.Equal(["to"], P.Keys(access.Filter("air_booking", P.AirBooking("JFK", "LAX"))));
        Assert.Equal(["from", "to"], P.Keys(access.Filter("air_booking", P.AirBooking("BOS", "LAX"))));
        Assert.Null(access.Filter("air_booking", P.AirBooking("JFK", "SFO")));
        Assert.True(access.RestrictsRows("air_booking"));
        Assert.False(P.Access("air_booking/from?from = BOS", "air_booking/to").RestrictsRows("air_booking"));
    }

    [Fact]
    public void Admin_in_any_group_is_admin()
    {
        Assert.Same(DataAccess.Admin, P.Access("traveller/firstName", "*/*"));
    }

    [Fact]
    public void An_invalid_group_adds_nothing_and_takes_nothing_away()
    {
        var access = P.Access("traveller/firstName", "traveller/*?from BOS");

        Assert.Equal(["firstName"], P.Keys(access.Filter("traveller", P.Traveller())));
        Assert.Same(DataAccess.None, P.Access("", "traveller/*?from BOS"));
    }

    [Fact]
    public void Hidden_fields_are_omitted_not_zeroed()
    {
        var shown = P.Access("air_booking/from,price").Filter("air_booking", P.AirBooking("BOS", "JFK"))!;

        Assert.Equal("""{"from":"BOS","price":120.5}""", shown.ToJsonString());
    }

    [Fact]
    public void A_filtered_copy_leaves_the_original_alone()
    {
        var record = P.AirBooking("BOS", "JFK");
        var shown = P.Access("air_booking/*,price").Filter("air_booking", record)!;
        shown["from"] = "XXX";

        Assert.Equal("BOS", (string?)record["from"]);
        Assert.Equal(120.5, (double)record["price"]!);
    }

    [Fact]
    public void Ancillary_records_have_their_own_key_and_hotel_stay_means_the_stay_revenue_records()
    {
        var access = P.Access("loyalty_transaction/*\nhotel_stay/*");

        Assert.False(access.CanSee("ancillary_service"));
        Assert.True(access.CanSee("loyalty_transaction"));
        Assert.True(access.CanSee("hotel_stay_revenue_items"));
        Assert.True(access.CanSee("hotel_stay"));
        Assert.True(P.Access("ancillary_service/*").CanSee("ancillary_service"));
    }

    [Fact]
    public void Camel_case_grants_name_snake_case_columns()
    {
        var access = P.Access("hotel_booking/hotelCode,nNights");

        Assert.Equal("""{"hotel_code":"NYC01","n_nights":2}""", access.Filter("hotel_booking", P.HotelBooking("NYC01"))!.ToJsonString());
        Assert.Equal(["accpObjectID", "n_nights", "status"], P.Keys(P.Access("hotel_booking/*,hotelCode").Filter("hotel_booking", new JsonObject
        {
            ["accpObjectID"] = "b", ["hotel_code"] = "X", ["n_nights"] = 1, ["status"] = "s",
        })));
    }
}
