using System.Text.Json.Nodes;
using Upt.Api.Summaries;

namespace Upt.Api.Tests;

/// <summary>The default generator on hand-built traveller views: exact sentences, nothing invented for what is absent.</summary>
public sealed class NarrativeSummaryTests
{
    [Fact]
    public void Flights_name_bookings_segments_and_the_latest_trips_newest_first()
    {
        var profile = new JsonObject
        {
            ["travellerIds"] = new JsonArray("P1"),
            ["firstName"] = "Grace",
            ["lastName"] = "Hopper",
            ["airLoyaltyRecords"] = new JsonArray(
                Record("L1", ("program_name", "SkyMiles"), ("id", "SM-1"), ("level", "silver"), ("miles", 900), ("last_updated", "2024-01-01")),
                Record("L2", ("program_name", "SkyMiles"), ("id", "SM-1"), ("level", "gold"), ("miles", 15000), ("last_updated", "2024-03-01"))),
            ["airBookingRecords"] = new JsonArray(
                Record("S1", ("booking_id", "BK1"), ("from", "JFK"), ("to", "LHR"), ("departure_date", "2024-02-01"), ("departure_time", "18:00"), ("flight_number", "UA1"), ("status", "flown")),
                Record("S2", ("booking_id", "BK1"), ("from", "LHR"), ("to", "JFK"), ("departure_date", "2024-02-10"), ("departure_time", "09:00"), ("flight_number", "UA2"), ("status", "flown")),
                Record("S3", ("booking_id", "BK2"), ("from", "JFK"), ("to", "SFO"), ("departure_date", "2024-07-04"), ("departure_time", "07:30"), ("flight_number", ""), ("status", "confirmed")),
                Record("S4", ("booking_id", "BK3"), ("from", "SFO"), ("to", "SEA"), ("departure_date", "2023-11-20"), ("flight_number", "AS5"), ("status", ""))),
            ["ancillaryServiceRecords"] = new JsonArray(Record("A1"), Record("A2")),
            ["lotaltyTxRecords"] = new JsonArray(Record("T1")),
        };

        Assert.Equal(
            "Grace Hopper is traveller P1. "
            + "Loyalty: air programme SkyMiles at level gold with 15000 miles; 1 loyalty transaction. "
            + "Air travel: 3 bookings, 4 flight segments, 2 ancillary services; latest: JFK to SFO on 2024-07-04 (confirmed); "
            + "LHR to JFK on 2024-02-10 (flight UA2, flown); JFK to LHR on 2024-02-01 (flight UA1, flown).",
            NarrativeSummaryGenerator.Narrate(profile));
    }

    [Fact]
    public void A_view_the_data_filter_emptied_gives_no_invented_facts()
    {
        Assert.Equal("", NarrativeSummaryGenerator.Narrate(new JsonObject()));
        Assert.Equal("This traveller is traveller P9.", NarrativeSummaryGenerator.Narrate(new JsonObject { ["travellerId"] = "P9", ["firstName"] = "", ["homeAddress"] = new JsonObject() }));
    }

    [Fact]
    public void Hotel_bookings_name_the_latest_and_stays_sum_charges_per_currency()
    {
        var profile = new JsonObject
        {
            ["travellerIds"] = new JsonArray("H1", "H2"),
            ["hotelBookingRecords"] = new JsonArray(
                Record("B1", ("booking_id", "HB1"), ("hotel_code", "NYC01"), ("check_in_date", "2024-03-01"), ("n_nights", 2), ("status", "confirmed")),
                Record("B2", ("booking_id", "HB2"), ("hotel_code", "PAR02"), ("check_in_date", "2024-09-12"), ("n_nights", 4), ("status", "booked"))),
            ["hotelStayRecords"] = new JsonArray(
                Record("R1", ("booking_id", "HB1"), ("amount", 100.25), ("currency_code", "USD")),
                Record("R2", ("booking_id", "HB1"), ("amount", 20), ("currency_code", "USD")),
                Record("R3", ("booking_id", "HB9"), ("amount", 80), ("currency_code", "EUR"))),
        };

        Assert.Equal(
            "This traveller is one profile merged from 2 traveller ids (H1, H2). "
            + "Hotels: 2 bookings, latest at PAR02 from 2024-09-12 for 4 nights (booked); 2 stays with 80.00 EUR and 120.25 USD of charges.",
            NarrativeSummaryGenerator.Narrate(profile));
    }

    private static JsonObject Record(string id, params (string Key, JsonNode? Value)[] fields)
    {
        var record = new JsonObject { ["accpObjectID"] = id };
        foreach (var (key, value) in fields)
        {
            record[key] = value;
        }

        return record;
    }
}
