using System.Globalization;
using System.Text.Json.Nodes;
using static Upt.Api.Summaries.ProfileText;

namespace Upt.Api.Summaries;

/// <summary>Loyalty, trips, stays, service interactions and online activity.</summary>
public sealed partial class NarrativeSummaryGenerator
{
    private static string Loyalty(JsonObject p)
    {
        var programs = Programs(Records(p, "airLoyaltyRecords"), "air", "miles")
            .Concat(Programs(Records(p, "hotelLoyaltyRecords"), "hotel", "points")).ToList();
        var transactions = Records(p, "lotaltyTxRecords").Count;
        if (transactions > 0)
        {
            programs.Add(Count(transactions, "loyalty transaction", "loyalty transactions"));
        }

        return programs.Count > 0 ? $"Loyalty: {string.Join("; ", programs)}." : "";
    }

    /// <summary>One phrase per programme membership (by programme and member id), from its latest record.</summary>
    private static IEnumerable<string> Programs(IReadOnlyList<JsonObject> records, string kind, string balanceField) => records
        .GroupBy(r => (Of(r, "program_name"), Of(r, "id")))
        .Select(g => Latest(g.ToList(), "last_updated")!)
        .OrderBy(r => Of(r, "program_name"), StringComparer.Ordinal).ThenBy(r => Of(r, "id"), StringComparer.Ordinal)
        .Select(r => Join(" ",
            $"{kind} programme",
            Of(r, "program_name"),
            Of(r, "level") is { Length: > 0 } level ? $"at level {level}" : "",
            Of(r, balanceField) is { Length: > 0 } balance ? $"with {balance} {balanceField}" : ""));

    private static string Air(JsonObject p)
    {
        var segments = Records(p, "airBookingRecords");
        if (segments.Count == 0)
        {
            return "";
        }

        var latest = segments
            .OrderByDescending(s => Of(s, "departure_date") + " " + Of(s, "departure_time"), StringComparer.Ordinal)
            .ThenBy(s => Of(s, "accpObjectID"), StringComparer.Ordinal)
            .Take(LatestTrips)
            .Select(s => Join(" ",
                Join(" to ", Of(s, "from"), Of(s, "to")),
                Of(s, "departure_date") is { Length: > 0 } date ? $"on {date}" : "",
                Bracketed(Join(", ", Of(s, "flight_number") is { Length: > 0 } flight ? $"flight {flight}" : "", Of(s, "status")))));
        var ancillaries = Records(p, "ancillaryServiceRecords").Count;
        var counts = Join(", ", Count(Distinct(segments, "booking_id"), "booking", "bookings"), Count(segments.Count, "flight segment", "flight segments"),
            ancillaries > 0 ? Count(ancillaries, "ancillary service", "ancillary services") : "");
        return $"Air travel: {counts}; latest: {string.Join("; ", latest)}.";
    }

    private static string Hotel(JsonObject p)
    {
        var bookings = Records(p, "hotelBookingRecords");
        var stays = Records(p, "hotelStayRecords");
        var parts = new List<string>();
        if (bookings.Count > 0)
        {
            var latest = Latest(bookings, "check_in_date")!;
            parts.Add(Join(", ", Count(Distinct(bookings, "booking_id"), "booking", "bookings"), Join(" ", "latest",
                Of(latest, "hotel_code") is { Length: > 0 } hotel ? $"at {hotel}" : "",
                Of(latest, "check_in_date") is { Length: > 0 } from ? $"from {from}" : "",
                Of(latest, "n_nights") is { Length: > 0 } nights ? $"for {nights} nights" : "",
                Bracketed(Of(latest, "status")))));
        }

        if (stays.Count > 0)
        {
            var charges = stays.GroupBy(s => Of(s, "currency_code"))
                .Select(g => (Currency: g.Key, Total: g.Sum(s => decimal.TryParse(Of(s, "amount"), NumberStyles.Number, CultureInfo.InvariantCulture, out var a) ? a : 0m)))
                .Where(c => c.Total != 0)
                .OrderBy(c => c.Currency, StringComparer.Ordinal)
                .Select(c => Join(" ", c.Total.ToString("0.00", CultureInfo.InvariantCulture), c.Currency));
            var total = string.Join(" and ", charges);
            parts.Add(Join(" ", Count(Distinct(stays, "booking_id"), "stay", "stays"), total.Length > 0 ? $"with {total} of charges" : ""));
        }

        return parts.Count > 0 ? $"Hotels: {string.Join("; ", parts)}." : "";
    }

    private static string Service(JsonObject p)
    {
        var interactions = Records(p, "customerServiceInteractionRecords");
        if (interactions.Count == 0)
        {
            return "";
        }

        var latest = Latest(interactions, "start_time")!;
        var what = Join(" ", Of(latest, "interaction_type"), Of(latest, "channel") is { Length: > 0 } channel ? $"by {channel}" : "",
            Of(latest, "start_time") is { Length: > 0 } at ? $"on {at}" : "", Bracketed(Of(latest, "status")));
        return $"Customer service: {Count(interactions.Count, "interaction", "interactions")}{(what.Length > 0 ? $"; latest {what}" : "")}.";
    }

    private static string Online(JsonObject p)
    {
        var events = Records(p, "clickstreamRecords");
        if (events.Count == 0)
        {
            return "";
        }

        var sessions = events.Select(e => Of(e, "session_id")).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).Count();
        var latest = Latest(events, "event_timestamp")!;
        var what = Join(" ", Of(latest, "event_type"), Of(latest, "event_timestamp") is { Length: > 0 } at ? $"on {at}" : "");
        return $"Online: {Count(events.Count, "clickstream event", "clickstream events")}"
            + (sessions > 0 ? $" in {Count(sessions, "session", "sessions")}" : "")
            + (what.Length > 0 ? $"; latest {what}" : "") + ".";
    }

    private static string Bracketed(string text) => text.Length > 0 ? $"({text})" : "";
}
