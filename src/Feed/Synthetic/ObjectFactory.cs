using System.Globalization;
using System.Text.Json.Nodes;

namespace Upt.Feed.Synthetic;

/// <summary>Builds one business object of each type for a synthetic traveller at a point in time.</summary>
internal sealed class ObjectFactory(Random random)
{
    public JsonObject PaxProfile(SyntheticPerson p, string at) => PersonJson.Build(p, at, withLoyalty: true, hotel: false);

    public JsonObject GuestProfile(SyntheticPerson p, string at) => PersonJson.Build(p, at, withLoyalty: true, hotel: true);

    public JsonObject AirBooking(SyntheticPerson p, SyntheticPerson? companion, string at, int serial)
    {
        var from = SyntheticPerson.Pick(random, Names.Airports);
        var to = SyntheticPerson.Pick(random, Names.Airports.Where(a => a != from).ToArray());
        var date = Date(at, random.Next(5, 90));
        var passengers = new JsonArray(Passenger(p, at, booker: true));
        if (companion is not null)
        {
            passengers.Add(Passenger(companion, at, booker: false));
        }

        var total = Math.Round(150 + random.NextDouble() * 900, 2);
        return new JsonObject
        {
            ["modelVersion"] = "1.2.0",
            ["id"] = $"AB{serial:000000}",
            ["lastUpdatedOn"] = at,
            ["lastUpdatedBy"] = "synthetic-feed",
            ["creationChannelId"] = SyntheticPerson.Pick(random, Names.Channels),
            ["status"] = "confirmed",
            ["price"] = new JsonObject { ["grandTotal"] = total * passengers.Count, ["priceItems"] = new JsonArray(new JsonObject { ["passengerIndex"] = 0, ["price"] = new JsonObject { ["total"] = total } }) },
            ["itinerary"] = new JsonObject
            {
                ["from"] = from,
                ["to"] = to,
                ["segments"] = new JsonArray(new JsonObject { ["rank"] = 0, ["from"] = from, ["to"] = to, ["departureDate"] = date, ["departureTime"] = "09:40", ["arrivalDate"] = date, ["arrivalTime"] = "13:05", ["flightNumber"] = $"UP{random.Next(100, 9999)}", ["status"] = "" }),
            },
            ["passengerInfo"] = new JsonObject { ["passengers"] = passengers },
            ["paymentInformation"] = new JsonObject { ["paymentType"] = "credit_card", ["ccInfo"] = new JsonObject { ["token"] = $"tok_{serial}", ["cardType"] = "Visa", ["cardExp"] = "12/28", ["name"] = $"{p.FirstName} {p.LastName}" } },
            ["ancillaryServices"] = new JsonObject
            {
                ["ancillaryServiceSeat"] = new JsonArray(new JsonObject { ["id"] = $"S{serial}", ["paxIndex"] = 0, ["seatNumber"] = $"{random.Next(1, 40)}C", ["seatZone"] = "economy", ["price"] = new JsonObject { ["total"] = 25.0, ["currency"] = "EUR" } }),
                ["ancillaryServiceBaggage"] = new JsonArray(new JsonObject { ["id"] = $"B{serial}", ["paxIndex"] = 0, ["baggageType"] = "checked", ["quantity"] = 1, ["weight"] = 23, ["dimensions"] = new JsonObject { ["length"] = 70, ["width"] = 50, ["height"] = 30 }, ["price"] = new JsonObject { ["total"] = 40.0, ["currency"] = "EUR" } }),
            },
            ["dayOfTravelEmail"] = p.Email,
            ["dayOfTravelPhone"] = p.MobilePhone,
        };
    }

    public JsonObject HotelBooking(SyntheticPerson p, string at, int serial)
    {
        var hotel = SyntheticPerson.Pick(random, Names.HotelCodes);
        var start = Date(at, random.Next(3, 60));
        var nights = random.Next(1, 6);
        var holder = PersonJson.Build(p, at, withLoyalty: true, hotel: true);
        return new JsonObject
        {
            ["modelVersion"] = "1.2.0",
            ["id"] = $"HB{serial:000000}",
            ["lastUpdatedOn"] = at,
            ["lastUpdatedBy"] = "synthetic-feed",
            ["creationChannelId"] = SyntheticPerson.Pick(random, Names.Channels),
            ["hotelCode"] = hotel,
            ["nNights"] = nights,
            ["nGuests"] = 1,
            ["startDate"] = start,
            ["status"] = "confirmed",
            ["holder"] = holder.DeepClone(),
            ["paymentInformation"] = new JsonObject { ["paymentType"] = "credit_card", ["ccInfo"] = new JsonObject { ["token"] = $"tok_h{serial}", ["cardType"] = "Mastercard", ["cardExp"] = "06/27" } },
            ["segments"] = new JsonArray(new JsonObject
            {
                ["id"] = $"SEG{serial:000000}",
                ["hotelCode"] = hotel,
                ["nNights"] = nights,
                ["nGuests"] = 1,
                ["startDate"] = start,
                ["status"] = "",
                ["holder"] = holder,
                ["products"] = new JsonArray(new JsonObject { ["id"] = $"P{serial}", ["roomType"] = new JsonObject { ["code"] = SyntheticPerson.Pick(random, Names.RoomTypes) }, ["ratePlan"] = new JsonObject { ["code"] = SyntheticPerson.Pick(random, Names.RatePlans) } }),
                ["price"] = new JsonObject { ["totalBeforeTax"] = 100.0 * nights, ["totalAfterTax"] = 115.0 * nights },
            }),
        };
    }

    public JsonObject HotelStay(SyntheticPerson? p, string at, int serial)
    {
        var revenue = new JsonArray();
        for (var i = 0; i < random.Next(1, 5); i++)
        {
            revenue.Add(new JsonObject { ["type"] = i == 0 ? "Room Charge" : "restaurant", ["description"] = "", ["amount"] = Math.Round(20 + random.NextDouble() * 200, 2), ["date"] = Date(at, -i) + "T00:00:00Z" });
        }

        var stay = new JsonObject
        {
            ["modelVersion"] = "1.2.0",
            ["id"] = $"ST{serial:000000}",
            ["bookingId"] = $"HB{serial:000000}",
            ["lastUpdatedOn"] = at,
            ["lastUpdatedBy"] = "synthetic-feed",
            ["currency"] = new JsonObject { ["code"] = "EUR", ["name"] = "Euro" },
            ["firstName"] = p?.FirstName ?? "Walk",
            ["lastName"] = p?.LastName ?? "In",
            ["email"] = p?.Email ?? string.Empty,
            ["phone"] = p?.Phone ?? string.Empty,
            ["startDate"] = Date(at, -3),
            ["hotelCode"] = SyntheticPerson.Pick(random, Names.HotelCodes),
            ["revenue"] = revenue,
        };
        if (p is not null)
        {
            stay["guestId"] = p.Id;
        }

        return stay;
    }

    public JsonObject CustomerServiceInteraction(SyntheticPerson p, string sessionId, string start, string end) => new()
    {
        ["modelVersion"] = "1.0",
        ["sessionId"] = sessionId,
        ["channel"] = SyntheticPerson.Pick(random, ["chat", "voice", "email"]),
        ["loyaltyId"] = p.LoyaltyId,
        ["firstName"] = p.FirstName,
        ["lastName"] = p.LastName,
        ["email"] = p.Email,
        ["phoneNumber"] = p.MobilePhone,
        ["startTime"] = start,
        ["endTime"] = end,
        ["duration"] = random.Next(30, 900),
        ["status"] = "completed",
        ["language"] = new JsonObject { ["code"] = p.Language },
        ["conversation"] = new JsonArray(
            new JsonObject { ["from"] = "customer", ["content"] = "I would like to change my booking.", ["startTime"] = start, ["sentiment"] = SyntheticPerson.Pick(random, Names.Sentiments) },
            new JsonObject { ["from"] = "agent", ["content"] = "Of course, let me look that up for you.", ["startTime"] = start, ["sentiment"] = "NEUTRAL" }),
        ["alternateProfileIds"] = new JsonArray(new JsonObject { ["name"] = "crm", ["value"] = "crm-" + p.Id, ["description"] = "CRM id" }),
    };

    public JsonObject Clickstream(SyntheticPerson p, string sessionId, string at, bool identified)
    {
        var attributes = new JsonArray(
            Attr("destination", SyntheticPerson.Pick(random, Names.Cities)),
            Attr("num_pax_adults", random.Next(1, 4)),
            new JsonObject { ["type"] = "strings", ["name"] = "products", ["stringValues"] = new JsonArray("FARE", "SEAT") });
        if (identified)
        {
            attributes.Add(Attr("customer_id", p.Id));
            attributes.Add(Attr("customer_email", p.Email));
            attributes.Add(Attr("customer_first_name", p.FirstName));
            attributes.Add(Attr("customer_last_name", p.LastName));
            attributes.Add(Attr("loyalty_id", p.LoyaltyId));
        }

        return new JsonObject
        {
            ["modelVersion"] = "1.0",
            ["event_type"] = SyntheticPerson.Pick(random, Names.EventTypes),
            ["event_timestamp"] = at,
            ["arrival_timestamp"] = at,
            ["device"] = new JsonObject { ["useragent"] = "Mozilla/5.0 (X11; Linux x86_64) UptSynthetic/1.0", ["ipAddress"] = $"10.{random.Next(256)}.{random.Next(256)}.{random.Next(256)}" },
            ["session"] = new JsonObject { ["id"] = sessionId },
            ["userId"] = identified ? p.Id : string.Empty,
            ["attributes"] = attributes,
        };
    }

    private static JsonObject Passenger(SyntheticPerson p, string at, bool booker)
    {
        var pax = PersonJson.Build(p, at, withLoyalty: true, hotel: false);
        pax["isBooker"] = booker;
        return pax;
    }

    private static JsonObject Attr(string name, string value) => new() { ["type"] = "string", ["name"] = name, ["stringValue"] = value };

    private static JsonObject Attr(string name, int value) => new() { ["type"] = "number", ["name"] = name, ["numValue"] = value };

    private static string Date(string at, int days) =>
        DateTime.ParseExact(at[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
