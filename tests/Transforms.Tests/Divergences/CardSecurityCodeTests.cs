using Upt.Transforms.Records;
using Upt.Transforms.Tests.Support;
using Xunit;

namespace Upt.Transforms.Tests.Divergences;

/// <summary>Divergence "card CVV dropped": UPT copies ccInfo.cardCvv into cc_cvv and promotes it to the profile.</summary>
public sealed class CardSecurityCodeTests
{
    private const string Cvv = "8317";

    [Fact]
    public void Cvv_never_leaves_the_transform()
    {
        var hotel = Inputs.Golden("hotel_booking/data1");
        hotel["paymentInformation"]!["ccInfo"]!["cardCvv"] = Cvv;
        var air = Inputs.Golden("air_booking/data1");
        air["paymentInformation"]!["ccInfo"]!["cardCvv"] = Cvv;

        foreach (var (type, input) in new[] { ("hotel_booking", hotel), ("air_booking", air) })
        {
            var result = Inputs.Run(type, input);

            Assert.True(result.IsSuccess, result.Error?.Message);
            Assert.DoesNotContain(Cvv, result.ToGroupedJson().ToJsonString(), StringComparison.Ordinal);
            var bookings = result.Group(type + "_recs");
            Assert.NotEmpty(bookings);
            Assert.All(bookings, r => Assert.Equal(string.Empty, (string?)r["cc_cvv"]));
        }
    }

    [Fact]
    public void Cvv_is_promoted_to_no_profile_field()
    {
        foreach (var type in FlatRecordTypes.All)
        {
            Assert.DoesNotContain(ProfileFieldMap.For(type), m => m.FlatField == "cc_cvv");
        }

        Assert.Contains(ProfileFieldMap.For(FlatRecordTypes.AirBooking), m => m is { FlatField: "cc_token", ProfileField: "Attributes.cc_token" });
    }
}
