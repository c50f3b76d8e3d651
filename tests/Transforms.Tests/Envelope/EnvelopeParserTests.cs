using System.Text;
using Upt.Transforms.Envelope;
using Xunit;

namespace Upt.Transforms.Tests.Envelope;

public sealed class EnvelopeParserTests
{
    private static EnvelopeParseResult Parse(string json) => EnvelopeParser.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Full_envelope_is_read()
    {
        using var result = Parse("""
            {"objectType":"guest_profile","modelVersion":"1.0","domain":"my_hotels","mode":"partial","mergeModeProfileId":"",
             "partialModeOptions":{"fields":["guest_profile.first_name","hotel_loyalty.*"]},
             "timestamp":"2024-01-02T03:04:05.000006Z","uid":"u-1","data":{"id":"1"}}
            """);

        Assert.True(result.IsSuccess, result.Error?.Message);
        var e = result.Envelope;
        Assert.Equal(("guest_profile", "1.0", "my_hotels", IngestMode.Partial, "", "2024-01-02T03:04:05.000006Z", "u-1"), (e.ObjectType, e.ModelVersion, e.Domain, e.Mode, e.MergeModeProfileId, e.Timestamp, e.Uid));
        Assert.Equal(["guest_profile.first_name", "hotel_loyalty.*"], e.PartialFields);
        Assert.Equal("1", e.Data.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("", IngestMode.Full)]
    [InlineData("full", IngestMode.Full)]
    [InlineData("merge", IngestMode.Merge)]
    public void Modes(string mode, IngestMode expected)
    {
        using var result = Parse("{\"objectType\":\"clickstream\",\"domain\":\"abc\",\"mode\":\"" + mode + "\",\"mergeModeProfileId\":\"p1\",\"data\":{}}");

        Assert.Equal(expected, result.Envelope?.Mode);
    }

    [Theory]
    [InlineData("not json", "invalid JSON: ")]
    [InlineData("[1]", "envelope must be a JSON object, got list")]
    [InlineData("""{"objectType":"clickevent","domain":"abc","data":{}}""", "('Unknown object type', 'clickevent')")]
    [InlineData("""{"domain":"abc","data":{}}""", "('Unknown object type', '')")]
    [InlineData("""{"objectType":"clickstream","data":{}}""", "Domain name length should be between 3 and 26 chars")]
    [InlineData("""{"objectType":"clickstream","domain":"ab","data":{}}""", "Domain name length should be between 3 and 26 chars")]
    [InlineData("""{"objectType":"clickstream","domain":"abcdefghijklmnopqrstuvwxyz1","data":{}}""", "Domain name length should be between 3 and 26 chars")]
    [InlineData("""{"objectType":"clickstream","domain":"My-Domain","data":{}}""", "Invalid domain name (must be snake case between 3 and 26 chars)")]
    [InlineData("""{"objectType":"clickstream","domain":"a__b","data":{}}""", "Invalid domain name (must be snake case between 3 and 26 chars)")]
    [InlineData("""{"objectType":"clickstream","domain":"abc","data":"x"}""", "data must be an object, got string")]
    [InlineData("""{"objectType":"clickstream","domain":"abc"}""", "data must be an object, got nothing")]
    [InlineData("""{"objectType":"clickstream","domain":"abc","mode":"replace","data":{}}""", "unknown mode 'replace' (expected full, partial or merge)")]
    [InlineData("""{"objectType":"clickstream","domain":"abc","mode":1,"data":{}}""", "mode must be a string, got number")]
    [InlineData("""{"objectType":"clickstream","domain":"abc","partialModeOptions":{"fields":"x"},"data":{}}""", "partialModeOptions.fields must be a list of strings, got string")]
    [InlineData("""{"objectType":"clickstream","domain":"abc","partialModeOptions":{"fields":[1]},"data":{}}""", "partialModeOptions.fields must be a list of strings, found number")]
    [InlineData("""{"objectType":"clickstream","domain":"abc","partialModeOptions":{"fields":["first_name"]},"data":{}}""", "partialModeOptions.fields entry 'first_name' must be <flat_object_type>.<field> or <flat_object_type>.*")]
    public void Invalid_envelopes(string json, string message)
    {
        using var result = Parse(json);

        Assert.False(result.IsSuccess);
        Assert.Equal("transformer_exception", result.Error.Category);
        Assert.StartsWith(message, result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Domain_is_checked_before_the_business_object()
    {
        // UPT transforms first and only then rejects the domain; an invalid object with an invalid domain reports the domain.
        using var result = Parse("""{"objectType":"hotel_booking","domain":"x","data":{"type":"invalid"}}""");

        Assert.Equal("Domain name length should be between 3 and 26 chars", result.Error?.Message);
        Assert.Equal("hotel_booking", result.Error?.ObjectType);
    }

    [Fact]
    public void Oversized_and_deep_records_are_errors()
    {
        var big = Encoding.UTF8.GetBytes("{\"objectType\":\"clickstream\",\"domain\":\"abc\",\"data\":{\"x\":\"" + new string('a', EnvelopeParser.MaxRecordBytes) + "\"}}");
        var deep = Encoding.UTF8.GetBytes("{\"data\":" + new string('[', 100_000) + new string(']', 100_000) + "}");

        using var bigResult = EnvelopeParser.Parse(big);
        using var deepResult = EnvelopeParser.Parse(deep);

        Assert.StartsWith("record of ", bigResult.Error?.Message, StringComparison.Ordinal);
        Assert.StartsWith("invalid JSON: ", deepResult.Error?.Message, StringComparison.Ordinal);
    }
}
