using System.Text.Json;
using System.Text.RegularExpressions;
using Upt.Feed.Envelopes;
using Upt.Feed.Synthetic;
using Upt.Transforms.Envelope;
using Upt.Transforms.Tests.Support;
using Xunit;

namespace Upt.Transforms.Tests.Feed;

public sealed partial class SyntheticTrafficGeneratorTests
{
    [Fact]
    public void Five_thousand_objects_all_parse_and_transform()
    {
        var types = new Dictionary<string, int>();
        var travellers = new Dictionary<string, HashSet<string>>();
        foreach (var envelope in new SyntheticTrafficGenerator(42, "synthetic_test").Generate(5000))
        {
            using var parsed = EnvelopeParser.Parse(envelope.EnvelopeJson);
            Assert.True(parsed.IsSuccess, parsed.Error?.Message);
            var e = parsed.Envelope;
            Assert.Equal(envelope.ObjectType, e.ObjectType);
            Assert.Equal("synthetic_test", e.Domain);
            Assert.Matches(StrictTimestamp(), e.Timestamp);
            Assert.True(Inputs.IsUuid(e.Uid));
            Assert.True(envelope.EnvelopeJson.Length < 8 * 1024, $"{envelope.ObjectType} is {envelope.EnvelopeJson.Length} bytes");

            var result = BusinessObjectTransformer.Transform(e.ObjectType, e.Data, FixedClock.Options());

            Assert.True(result.IsSuccess, $"{e.ObjectType}: {result.Error?.Message}");
            // Alternate-id records copy the parent's raw lastUpdatedOn (UPT), which CSI objects do not have.
            Assert.All(result.AllRecords.Where(r => (string?)r["object_type"] != "alternate_profile_id"), r => Assert.Matches(StrictTimestamp(), (string?)r["last_updated"]));
            types[e.ObjectType] = types.GetValueOrDefault(e.ObjectType) + 1;
            travellers.TryAdd(envelope.PartitionKey, []);
            travellers[envelope.PartitionKey].Add(e.ObjectType);
        }

        Assert.Equal(7, types.Count);
        Assert.True(types["clickstream"] > types["pax_profile"] && types["air_booking"] > types["guest_profile"]);
        Assert.InRange(travellers.Count, 500, 1400);
        Assert.True(travellers.Values.Count(t => t.Count >= 4) > 100, "travellers should overlap across object types");
    }

    [Fact]
    public void Same_seed_gives_identical_bytes_and_other_seed_differs()
    {
        var a = new SyntheticTrafficGenerator(7, "dom").Generate(300).ToList();
        var b = new SyntheticTrafficGenerator(7, "dom").Generate(300).ToList();
        var c = new SyntheticTrafficGenerator(8, "dom").Generate(300).ToList();

        Assert.Equal(a.Select(x => (x.ObjectType, x.PartitionKey)), b.Select(x => (x.ObjectType, x.PartitionKey)));
        Assert.True(a.Zip(b).All(p => p.First.EnvelopeJson.AsSpan().SequenceEqual(p.Second.EnvelopeJson)));
        Assert.False(a.Zip(c).All(p => p.First.EnvelopeJson.AsSpan().SequenceEqual(p.Second.EnvelopeJson)));
    }

    [Fact]
    public void Partition_key_is_the_main_traveller()
    {
        foreach (var envelope in new SyntheticTrafficGenerator(3, "dom").Generate(400))
        {
            using var doc = JsonDocument.Parse(envelope.EnvelopeJson);
            var data = doc.RootElement.GetProperty("data");
            var expected = envelope.ObjectType switch
            {
                "pax_profile" or "guest_profile" => data.GetProperty("id").GetString(),
                "hotel_stay" => data.TryGetProperty("guestId", out var g) ? g.GetString() : envelope.PartitionKey,
                "air_booking" => data.GetProperty("passengerInfo").GetProperty("passengers")[0].GetProperty("id").GetString(),
                "hotel_booking" => data.GetProperty("holder").GetProperty("id").GetString(),
                _ => envelope.PartitionKey,
            };
            Assert.Equal(expected, envelope.PartitionKey);
        }
    }

    [Fact]
    public void Envelope_writer_wraps_batch_jsonl()
    {
        using var reader = new StreamReader(Upt.TestSupport.SharedData.UptFile("batch", "guest_profile_customer_1.jsonl"));

        var envelopes = EnvelopeWriter.WrapJsonl(reader, "guest_profile", "batch_dom", new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero)).ToList();

        Assert.NotEmpty(envelopes);
        foreach (var envelope in envelopes)
        {
            using var parsed = EnvelopeParser.Parse(envelope.EnvelopeJson);
            Assert.True(parsed.IsSuccess, parsed.Error?.Message);
            Assert.Equal(parsed.Envelope.Data.GetProperty("id").GetString(), envelope.PartitionKey);
            Assert.Matches(StrictTimestamp(), parsed.Envelope.Timestamp);
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{1,6}Z$")]
    private static partial Regex StrictTimestamp();
}
