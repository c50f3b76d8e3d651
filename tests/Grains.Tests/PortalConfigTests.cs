namespace Upt.Grains.Tests;

/// <summary>A domain's hyperlink templates: saved whole, per domain, and validated as UPT validates them.</summary>
[Collection(GridCollection.Name)]
public sealed class PortalConfigTests(GridFixture grid)
{
    private static readonly HyperlinkMapping Booking = new("air_booking", "booking_id", "https://pss.example.com/bookings/{{booking_id}}?pax={{traveller_id}}");
    private static readonly HyperlinkMapping Hotel = new("hotel_booking", "hotel_code", "https://crs.example.com/hotels/{{hotel_code}}");

    [Fact]
    public async Task A_save_replaces_the_whole_set_and_each_domain_has_its_own()
    {
        var domain = await grid.NewDomainAsync();
        var other = await grid.NewDomainAsync();

        Assert.Empty(await Portal(domain).SaveHyperlinksAsync([Booking, Hotel]));
        Assert.Empty(await Portal(other).SaveHyperlinksAsync([Hotel]));
        Assert.Equal([Booking, Hotel], await Portal(domain).GetHyperlinksAsync());

        Assert.Empty(await Portal(domain).SaveHyperlinksAsync([Hotel with { HyperlinkTemplate = "https://crs.example.com/h/{{hotel_code}}" }]));
        Assert.Equal([Hotel with { HyperlinkTemplate = "https://crs.example.com/h/{{hotel_code}}" }], await Portal(domain).GetHyperlinksAsync());
        Assert.Equal([Hotel], await Portal(other).GetHyperlinksAsync());

        Assert.Empty(await Portal(domain).SaveHyperlinksAsync([]));
        Assert.Empty(await Portal(domain).GetHyperlinksAsync());
    }

    [Theory]
    [InlineData("hotel", "booking_id", "https://x.example.com/{{booking_id}}", "accpObject 'hotel' is not a known object type")]
    [InlineData("", "booking_id", "https://x.example.com/{{booking_id}}", "accpObject '' is not a known object type")]
    [InlineData("air_booking", "", "https://x.example.com/", "fieldName is required")]
    [InlineData("air_booking", "hotel_code", "https://x.example.com/", "fieldName 'hotel_code' is not a field of air_booking")]
    [InlineData("air_booking", "cc_cvv", "https://x.example.com/", "fieldName 'cc_cvv' is not a field of air_booking")]
    [InlineData("air_booking", "booking_id", "", "hyperlinkTemplate is required")]
    [InlineData("air_booking", "booking_id", "http://x.example.com/{{booking_id}}", "hyperlinkTemplate must start with https://")]
    [InlineData("air_booking", "booking_id", "HTTPS://x.example.com/", "hyperlinkTemplate must start with https://")]
    [InlineData("air_booking", "booking_id", "https://x.example.com/{{booking_id}", "hyperlinkTemplate has an unclosed '{'")]
    [InlineData("air_booking", "booking_id", "https://x.example.com/{{booking_id", "hyperlinkTemplate has an unclosed '{'")]
    [InlineData("air_booking", "booking_id", "https://x.example.com/a}b", "hyperlinkTemplate has a '}' without a matching '{'")]
    [InlineData("air_booking", "booking_id", "https://x.example.com/{booking_id}", "hyperlinkTemplate has an invalid placeholder '{booking_id}' (placeholders are {{field}})")]
    [InlineData("air_booking", "booking_id", "https://x.example.com/{{booking-id}}", "hyperlinkTemplate has an invalid placeholder '{{booking-id}}' (placeholders are {{field}})")]
    [InlineData("air_booking", "booking_id", "https://x.example.com/{{hotel_code}}", "placeholder '{{hotel_code}}' is not a field of air_booking")]
    [InlineData("air_booking", "booking_id", "https:///{{booking_id}}", "hyperlinkTemplate is not a valid URL with a host")]
    [InlineData("air_booking", "booking_id", "https://x..example.com/", "hyperlinkTemplate is not a valid URL with a host")]
    [InlineData("air_booking", "booking_id", "https://x.example.com/a b", "hyperlinkTemplate contains invalid characters")]
    [InlineData("air_booking", "booking_id", "https://x.example.com/<script>", "hyperlinkTemplate contains invalid characters")]
    [InlineData("air_booking", "booking_id", "https://x.example.com/\u0007", "hyperlinkTemplate contains invalid characters")]
    public async Task An_invalid_mapping_is_refused_with_UPTs_reason_and_nothing_changes(string type, string field, string template, string reason)
    {
        var domain = await grid.NewDomainAsync();
        Assert.Empty(await Portal(domain).SaveHyperlinksAsync([Hotel]));

        var errors = await Portal(domain).SaveHyperlinksAsync([Booking, new HyperlinkMapping(type, field, template)]);

        Assert.Equal([$"hyperlinkMappings[1]: {reason}"], errors);
        Assert.Equal([Hotel], await Portal(domain).GetHyperlinksAsync());
    }

    [Fact]
    public async Task Limits_and_duplicates_are_refused()
    {
        var domain = await grid.NewDomainAsync();
        var tooLong = Booking with { HyperlinkTemplate = "https://x.example.com/" + new string('a', 2048 - 21) };

        Assert.Equal(["hyperlinkMappings[0]: hyperlinkTemplate exceeds the maximum length of 2048"], await Portal(domain).SaveHyperlinksAsync([tooLong]));
        Assert.Empty(await Portal(domain).SaveHyperlinksAsync([tooLong with { HyperlinkTemplate = tooLong.HyperlinkTemplate[..2048] }]));
        Assert.Equal(["at most 100 hyperlink mappings are allowed, got 101"], await Portal(domain).SaveHyperlinksAsync(Enumerable.Repeat(Hotel, 101).ToList()));
        Assert.Equal(["hyperlinkMappings[2]: air_booking.booking_id is mapped more than once"],
            await Portal(domain).SaveHyperlinksAsync([Booking, Hotel, Booking with { HyperlinkTemplate = "https://other.example.com/" }]));
        Assert.Equal(
            ["hyperlinkMappings[0]: accpObject 'nope' is not a known object type", "hyperlinkMappings[1]: hyperlinkTemplate must start with https://"],
            await Portal(domain).SaveHyperlinksAsync([Booking with { AccpObject = "nope" }, Hotel with { HyperlinkTemplate = "ftp://x" }]));
        Assert.Equal([tooLong with { HyperlinkTemplate = tooLong.HyperlinkTemplate[..2048] }], await Portal(domain).GetHyperlinksAsync());
    }

    [Fact]
    public async Task Deleting_the_domain_forgets_its_links()
    {
        var domain = await grid.NewDomainAsync();
        Assert.Empty(await Portal(domain).SaveHyperlinksAsync([Booking]));

        Assert.True(await grid.Client.GetGrain<IDomainGrain>(domain).DeleteAsync());

        Assert.Empty(await Portal(domain).GetHyperlinksAsync());
    }

    private IPortalConfigGrain Portal(string domain) => grid.Client.GetGrain<IPortalConfigGrain>(domain);
}
