using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Upt.Batch.Lines;
using Upt.Feed.Envelopes;
using Upt.Feed.Synthetic;
using Upt.TestSupport;
using Upt.Transforms;
using Upt.Transforms.Envelope;

namespace Upt.Batch.Tests;

public sealed class BatchLineParserTests
{
    private static readonly DateOnly Day = new(2024, 3, 9);

    private static LineContext Context(string? type, int line = 7) => new("demo", type, Day, $"batch/s3://b/demo/2024/03/09/f.jsonl#L{line}");

    private static BatchLine Line(string text, int number = 7) => new(number, Encoding.UTF8.GetBytes(text), 0, false);

    [Fact]
    public void An_envelope_of_the_job_is_passed_on_byte_for_byte()
    {
        var envelope = new SyntheticTrafficGenerator(3, "demo").Generate(1).Single();
        var parsed = BatchLineParser.Parse(new BatchLine(1, envelope.EnvelopeJson, 0, false), Context(null));

        Assert.False(parsed.IsError, parsed.Error);
        Assert.Same(envelope.EnvelopeJson, parsed.Envelope);
        Assert.Equal(envelope.ObjectType, parsed.ObjectType);
    }

    [Fact]
    public void The_traveller_key_is_the_one_a_producer_puts_on_kinesis()
    {
        foreach (var envelope in new SyntheticTrafficGenerator(11, "demo").Generate(300))
        {
            var parsed = BatchLineParser.Parse(new BatchLine(1, envelope.EnvelopeJson, 0, false), Context(null));
            var data = JsonNode.Parse(envelope.EnvelopeJson)!["data"]!;
            Assert.Equal(PartitionKeys.For(envelope.ObjectType, data, Context(null).SourceId), parsed.PartitionKey);
        }
    }

    [Fact]
    public void An_envelope_without_timestamp_gets_the_day_of_its_file()
    {
        var parsed = BatchLineParser.Parse(Line("""{"objectType":"clickstream","domain":"demo","timestamp":"","data":{"session":{"id":"s1"}}}"""), Context(null));

        var envelope = JsonNode.Parse(parsed.Envelope)!;
        Assert.Equal("2024-03-09T00:00:00.000000Z", (string?)envelope["timestamp"]);
        Assert.Equal("s1", (string?)envelope["data"]!["session"]!["id"]);
        Assert.Equal("s1", parsed.PartitionKey);
        Assert.Null(parsed.Timestamp);
    }

    [Theory]
    [InlineData("2024-03-09T10:15:00.000000Z", "2024-03-09T10:15:00+00:00")]
    [InlineData("2024-03-09T10:15:00", "2024-03-09T10:15:00+00:00")]
    [InlineData("2024-03-09T12:15:00+02:00", "2024-03-09T10:15:00+00:00")]
    [InlineData("yesterday", null)]
    public void An_envelopes_own_timestamp_is_read_as_the_pipeline_reads_it(string stamp, string? expected)
    {
        var parsed = BatchLineParser.Parse(Line($$$"""{"objectType":"clickstream","domain":"demo","timestamp":"{{{stamp}}}","data":{}}"""), Context(null));

        Assert.False(parsed.IsError, parsed.Error);
        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), parsed.Timestamp);
    }

    [Theory]
    [InlineData(null, """{"objectType":"clickstream","domain":"other","data":{}}""", "envelope domain 'other' is not the job's domain 'demo'")]
    [InlineData(null, """{"objectType":"clickstream","data":{}}""", "envelope domain '' is not the job's domain 'demo'")]
    [InlineData("air_booking", """{"objectType":"clickstream","domain":"demo","data":{}}""", "envelope objectType 'clickstream' is not the job's object type 'air_booking'")]
    [InlineData(null, """{"objectType":7,"domain":"demo","data":{}}""", "envelope objectType must be a string, got number")]
    [InlineData(null, """{"id":"p1","firstName":"Ann"}""", "cannot tell the object type")]
    [InlineData("pax_profile", """{"id":"p1",""", "invalid JSON")]
    [InlineData("pax_profile", """[{"id":"p1"}]""", "a line must be a JSON object, got array")]
    public void Lines_that_would_be_misfiled_are_errors(string? type, string line, string message)
    {
        var parsed = BatchLineParser.Parse(Line(line), Context(type));

        Assert.True(parsed.IsError);
        Assert.Null(parsed.Envelope);
        Assert.StartsWith(message, parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cut_line_is_an_error_naming_its_number()
    {
        var parsed = BatchLineParser.Parse(new BatchLine(12, "{\"a\""u8.ToArray(), 0, TooLong: true), Context("pax_profile", 12));
        Assert.Equal("line 12 is longer than the limit and was not read", parsed.Error);
    }

    [Fact]
    public void A_bare_object_is_wrapped_into_an_envelope_of_the_job()
    {
        const string line = """{"id":"p1","modelVersion":"1.0","firstName":"Ann"}""";
        var parsed = BatchLineParser.Parse(Line(line), Context("pax_profile"));

        Assert.False(parsed.IsError, parsed.Error);
        Assert.Equal("p1", parsed.PartitionKey);
        using var result = EnvelopeParser.Parse(parsed.Envelope);
        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal("pax_profile", result.Envelope.ObjectType);
        Assert.Equal("demo", result.Envelope.Domain);
        Assert.Equal(Transforms.Envelope.IngestMode.Full, result.Envelope.Mode);
        Assert.Equal("2024-03-09T00:00:00.000000Z", result.Envelope.Timestamp);
        Assert.Equal(line, result.Envelope.Data.GetRawText());
        Assert.Equal(BatchLineParser.UidOf(Context("pax_profile").SourceId), result.Envelope.Uid);
    }

    [Fact]
    public void Uids_are_stable_per_line_and_differ_between_lines()
    {
        const string line = """{"id":"p1"}""";
        var first = Uid(BatchLineParser.Parse(Line(line), Context("pax_profile", 3)));
        var again = Uid(BatchLineParser.Parse(Line(line), Context("pax_profile", 3)));
        var other = Uid(BatchLineParser.Parse(Line(line), Context("pax_profile", 4)));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.True(Guid.TryParse(first, out var guid));
        Assert.Equal(5, guid.Version);
    }

    [Theory]
    [InlineData("pax_profile.jsonl", "pax_profile")]
    [InlineData("guest_profile_customer_1.jsonl", "guest_profile")]
    [InlineData("hotel_booking_customer_1.jsonl", "hotel_booking")]
    [InlineData("hotel_stay.jsonl", "hotel_stay")]
    [InlineData("clickstream_customer_1.jsonl", "clickstream")]
    [InlineData("csi.jsonl", "customer_service_interaction")]
    public void Every_upt_batch_object_wraps_into_an_envelope_that_transforms(string file, string type)
    {
        var number = 0;
        foreach (var text in File.ReadLines(SharedData.UptFile("batch", file)).Where(l => l.Trim().Length > 0))
        {
            number++;
            var parsed = BatchLineParser.Parse(Line(text, number), Context(type, number));
            Assert.False(parsed.IsError, parsed.Error);
            using var envelope = EnvelopeParser.Parse(parsed.Envelope);
            Assert.True(envelope.IsSuccess, envelope.Error?.Message);
            var result = BusinessObjectTransformer.Transform(type, envelope.Envelope.Data, new TransformOptions(envelope.Envelope.Uid, TimeProvider.System));
            Assert.True(result.IsSuccess, result.Error?.Message);
            Assert.NotEmpty(result.AllRecords);
        }

        Assert.True(number > 0);
    }

    [Fact]
    public void The_upt_ancillary_sample_wraps_but_its_transform_rejects_it()
    {
        // externalIds: null. Ingested, it becomes an error record (the integration tests rely on this bad line).
        var text = File.ReadLines(SharedData.UptFile("batch", "ancillary.jsonl")).First();
        var parsed = BatchLineParser.Parse(Line(text, 1), Context("air_booking", 1));
        using var envelope = EnvelopeParser.Parse(parsed.Envelope);
        Assert.True(envelope.IsSuccess);
        var result = BusinessObjectTransformer.Transform("air_booking", envelope.Envelope.Data, new TransformOptions(envelope.Envelope.Uid, TimeProvider.System));
        Assert.Equal("externalIds must be a list, got null", result.Error?.Message);
    }

    private static string Uid(ParsedLine parsed) => JsonDocument.Parse(parsed.Envelope).RootElement.GetProperty("uid").GetString()!;
}
