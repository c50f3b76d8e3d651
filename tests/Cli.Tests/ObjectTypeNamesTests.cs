using Upt.Cli.Produce;

namespace Upt.Cli.Tests;

public sealed class ObjectTypeNamesTests
{
    [Theory]
    [InlineData("hotel_booking_customer_1.jsonl", "hotel_booking")]
    [InlineData("/x/y/hotel_stay.jsonl", "hotel_stay")]
    [InlineData("guest_profile_customer_1.jsonl", "guest_profile")]
    [InlineData("clickstream_customer_1.jsonl", "clickstream")]
    [InlineData("pax_profile.jsonl", "pax_profile")]
    [InlineData("air_booking.jsonl", "air_booking")]
    [InlineData("csi.jsonl", "customer_service_interaction")]
    [InlineData("ancillary.jsonl", "air_booking")]
    [InlineData("customer_service_interaction_2.jsonl", "customer_service_interaction")]
    [InlineData("whatever.jsonl", null)]
    [InlineData("hotel.jsonl", null)]
    public void Infers_the_type_from_the_file_name(string path, string? expected)
    {
        Assert.Equal(expected, ObjectTypeNames.FromFileName(path));
    }
}
