using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Upt.Feed.Synthetic;
using Upt.Transforms.Records;
using static Upt.Integration.Tests.IngestChecks;

namespace Upt.Integration.Tests;

/// <summary>
/// 10,000 synthetic business objects (all 7 types, overlapping travellers) put on the stream with the official AWS JS
/// client; everything they imply must be visible through the API, exactly, and stored once in PostgreSQL.
/// </summary>
[Collection(SharedClusterCollection.Name)]
public sealed class OfficialClientIngestTests(ClusterFixture fixture)
{
    private const int Objects = 10_000;
    private const int SampleSize = 240;
    private const int PageSize = 100;

    /// <summary>The API's name of each flat type's record list (and of its pagination entry).</summary>
    private static readonly Dictionary<string, string> RecordLists = new(StringComparer.Ordinal)
    {
        [FlatRecordTypes.AirBooking] = "airBookingRecords",
        [FlatRecordTypes.AirLoyalty] = "airLoyaltyRecords",
        [FlatRecordTypes.LoyaltyTransaction] = "lotaltyTxRecords",
        [FlatRecordTypes.Clickstream] = "clickstreamRecords",
        [FlatRecordTypes.EmailHistory] = "emailHistoryRecords",
        [FlatRecordTypes.HotelBooking] = "hotelBookingRecords",
        [FlatRecordTypes.HotelLoyalty] = "hotelLoyaltyRecords",
        [FlatRecordTypes.HotelStayRevenueItems] = "hotelStayRecords",
        [FlatRecordTypes.PhoneHistory] = "phoneHistoryRecords",
        [FlatRecordTypes.CustomerServiceInteraction] = "customerServiceInteractionRecords",
        [FlatRecordTypes.AncillaryService] = "ancillaryServiceRecords",
        [FlatRecordTypes.AlternateProfileId] = "alternateProfileIds",
        [FlatRecordTypes.GuestProfile] = "guestProfileRecords",
        [FlatRecordTypes.PaxProfile] = "paxProfileRecords",
    };

    [Fact(Timeout = 480_000)]
    public async Task TenThousandObjectsThroughOfficialClient()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var domain = NewDomain("tenk");
        await fixture.Api.CreateDomainAsync(domain, cancellationToken);

        var envelopes = new SyntheticTrafficGenerator(20_251, domain).Generate(Objects).ToList();
        var expected = ExpectedIngest.Of(envelopes.Select(e => e.EnvelopeJson));
        Assert.Equal(BusinessObjectTypes.All.Order(StringComparer.Ordinal), envelopes.Select(e => e.ObjectType).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(0, expected.Errors);
        Report($"cluster start {Seconds(fixture.StartTime)}; expecting {expected.Profiles} profiles and {expected.Objects.Count} objects from {Objects} business objects");

        var watch = Watch();
        var put = await JsProducer.PutAsync(fixture.Cluster.KinesisEndpoint, fixture.Cluster.StreamName,
            envelopes.Select(e => new RecordToPut(e.PartitionKey, e.EnvelopeJson)).ToList(), cancellationToken);
        Assert.Equal(Objects, put.Records);
        Assert.Equal(0, put.FailedEntries);
        Assert.Equal(Objects, put.Positions.Count);
        Report($"put {Objects} records in {Seconds(put.Elapsed)}: {put.Summary.ToJsonString()}");

        var counts = await WaitUntilIngestedAsync(fixture, domain, expected, TimeSpan.FromMinutes(5));
        Report($"ingested in {Seconds(watch.Elapsed)} from the first put: {counts}");
        AssertCounts(expected, counts);
        await AssertDatabaseAsync(fixture, domain, expected);

        // Every traveller is found by its id, on a profile of its own.
        watch.Restart();
        var profileOf = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await ForEachAsync(expected.Travellers, 16, async (traveller, ct) =>
        {
            var found = await fixture.Api.SearchByTravellerAsync(domain, traveller, ct);
            var profile = Assert.Single(found);
            Assert.Contains(traveller, profile.TravellerIds);
            profileOf[traveller] = profile.ConnectId;
        });
        Assert.Equal(expected.Profiles, profileOf.Count);
        Assert.Equal(expected.Profiles, profileOf.Values.Distinct(StringComparer.Ordinal).Count());
        Report($"searched {profileOf.Count} traveller ids in {Seconds(watch.Elapsed)}");

        // The 360 view of a sample (the busiest travellers and an even spread of the rest) counts and lists exactly their objects.
        watch.Restart();
        var busiest = expected.Travellers.OrderByDescending(t => expected.ByTraveller[t].Values.Sum(ids => ids.Count)).ThenBy(t => t, StringComparer.Ordinal).Take(40).ToList();
        var rest = expected.Travellers.Except(busiest).ToList();
        var step = Math.Max(1, rest.Count / (SampleSize - busiest.Count));
        var sample = busiest.Concat(rest.Where((_, i) => i % step == 0)).Take(SampleSize).ToList();
        Assert.True(sample.Count >= 200, $"sample of {sample.Count} profiles");
        var types = RecordLists.Keys.ToList();
        await ForEachAsync(sample, 8, async (traveller, ct) =>
        {
            var response = await fixture.Api.GetProfileAsync(domain, profileOf[traveller], types, PageSize, ct);
            var profile = Assert.Single(response["profiles"]!.AsArray())!;
            var expectedByType = expected.ByTraveller[traveller];
            foreach (var type in types)
            {
                var list = RecordLists[type];
                var want = expectedByType.GetValueOrDefault(type) ?? new HashSet<string>();
                var total = response["paginationMetadata"]?[list]?["total_records"]?.GetValue<long>();
                Assert.True(want.Count == total, $"{traveller}: {list} total_records is {total?.ToString() ?? "missing"}, expected {want.Count}");
                var items = (profile[list] as JsonArray ?? []).Select(r => ((string?)r!["accpObjectID"], (string?)r["travellerId"])).ToList();
                Assert.Equal(Math.Min(want.Count, PageSize), items.Count);
                Assert.All(items, i => Assert.Equal(traveller, i.Item2));
                if (want.Count <= PageSize)
                {
                    Assert.Equal(want.Order(StringComparer.Ordinal), items.Select(i => i.Item1).Order(StringComparer.Ordinal));
                }
            }
        });
        Report($"checked the 360 view of {sample.Count} profiles in {Seconds(watch.Elapsed)}");
    }
}
