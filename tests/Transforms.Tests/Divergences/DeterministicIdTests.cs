using System.Text.Json.Nodes;
using Upt.Transforms.Tests.Support;
using Xunit;

namespace Upt.Transforms.Tests.Divergences;

/// <summary>Divergence "deterministic fallback ids": UPT draws random UUID4s where ids are missing (§9 B8).</summary>
public sealed class DeterministicIdTests
{
    [Fact]
    public void Passengers_without_id_get_stable_per_passenger_ids()
    {
        var booking = Inputs.Golden("air_booking/data2");
        foreach (var pax in booking["passengerInfo"]!["passengers"]!.AsArray())
        {
            pax!.AsObject().Remove("id");
        }

        var first = Inputs.Run("air_booking", booking);
        var replay = Inputs.Run("air_booking", booking);

        Assert.True(first.IsSuccess, first.Error?.Message);
        var ids = first.Group("air_booking_recs").Select(r => (string)r["traveller_id"]!).ToList();
        Assert.All(ids, id => Assert.True(Inputs.IsUuid(id), id));
        Assert.Equal(4, ids.Distinct().Count());
        Assert.Equal(ids, replay.Group("air_booking_recs").Select(r => (string)r["traveller_id"]!));
    }

    [Fact]
    public void Hotel_holder_without_id_is_one_traveller_across_segments_and_input_is_not_mutated()
    {
        var booking = Inputs.Golden("hotel_booking/customer_1");
        foreach (var segment in booking["segments"]!.AsArray())
        {
            segment!.AsObject().Remove("id");
            segment["holder"]!.AsObject().Remove("id");

            // Same person on both segments (the fixture has a typo in one first name).
            segment["holder"]!["firstName"] = "MICHAEL";
        }

        var before = booking.ToJsonString();
        var result = Inputs.Run("hotel_booking", booking);

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(before, booking.ToJsonString());
        var recs = result.Group("hotel_booking_recs");
        Assert.Equal(2, recs.Count);
        Assert.Single(recs.Select(r => (string)r["traveller_id"]!).Distinct());
        Assert.Equal((string)recs[0]["traveller_id"]!, (string)recs[0]["booker_id"]!);
        var segmentIds = recs.Select(r => (string)r["segment_id"]!).ToList();
        Assert.All(segmentIds, id => Assert.True(Inputs.IsUuid(id), id));
        Assert.NotEqual(segmentIds[0], segmentIds[1]);
        Assert.Equal(segmentIds, Inputs.Run("hotel_booking", booking).Group("hotel_booking_recs").Select(r => (string)r["segment_id"]!));
        Assert.All(result.Group("common_phone_recs"), r => Assert.Equal((string)recs[0]["traveller_id"]!, (string)r["traveller_id"]!));
    }

    [Fact]
    public void Hotel_stay_without_guest_id_is_one_traveller_for_all_items()
    {
        var stay = Inputs.Golden("hotel_stay/data1");
        stay.Remove("guestId");

        var result = Inputs.Run("hotel_stay", stay);

        Assert.True(result.IsSuccess, result.Error?.Message);
        var ids = result.Group("hotel_stay_revenue_items").Select(r => (string)r["traveller_id"]!).Distinct().ToList();
        var id = Assert.Single(ids);
        Assert.True(Inputs.IsUuid(id));
        Assert.Equal(id, (string)Inputs.Run("hotel_stay", stay).Group("hotel_stay_revenue_items")[0]["traveller_id"]!);
        Assert.Equal(id, (string)result.Group("alternate_profile_id_recs")[1]["traveller_id"]!);
    }

    [Fact]
    public void Csi_without_session_uses_one_stable_id_for_traveller_and_object()
    {
        var csi = Inputs.Golden("customer_service_interaction/data2");
        csi.Remove("sessionId");

        var rec = Inputs.Run("customer_service_interaction", csi).Group("conversation_recs").Single();

        Assert.True(Inputs.IsUuid((string?)rec["traveller_id"]));
        Assert.Equal((string)rec["traveller_id"]!, (string)rec["accp_object_id"]!);
        Assert.Equal((string)rec["traveller_id"]!, (string)Inputs.Run("customer_service_interaction", csi).Group("conversation_recs")[0]["traveller_id"]!);
    }

    [Fact]
    public void Clickstream_without_session_gets_a_stable_session_id()
    {
        var click = JsonNode.Parse("""{"event_type":"login","event_timestamp":"2023-07-09T02:56:11.727Z","userId":"u-1"}""")!;

        var a = Inputs.Run("clickstream", click).Group("clickstream_recs").Single();
        var b = Inputs.Run("clickstream", click).Group("clickstream_recs").Single();

        Assert.True(Inputs.IsUuid((string?)a["session_id"]));
        Assert.Equal((string)a["session_id"]!, (string)b["session_id"]!);
        Assert.Equal((string)a["session_id"]!, (string)a["traveller_id"]!);
        Assert.Equal($"{a["session_id"]}_2023-07-09T02:56:11.727Z", (string)a["accp_object_id"]!);
    }

    [Fact]
    public void Profile_without_id_gets_a_stable_id()
    {
        var profile = Inputs.Golden("pax_profile/data1");
        profile.Remove("id");

        var a = Inputs.Run("pax_profile", profile).Group("air_profile_recs").Single();

        Assert.True(Inputs.IsUuid((string?)a["traveller_id"]));
        Assert.Equal((string)a["traveller_id"]!, (string)Inputs.Run("pax_profile", profile).Group("air_profile_recs")[0]["traveller_id"]!);
    }
}
