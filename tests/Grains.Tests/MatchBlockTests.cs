using System.Diagnostics.Metrics;
using Upt.Grains.Fuzzy;
using Upt.Grains.Profiles;
using Upt.Matching.Blocking;
using Upt.Matching.Scoring;

namespace Upt.Grains.Tests;

/// <summary>Fuzzy-matching blocks: an over-full block compares nothing and is counted; membership outlives the activation.</summary>
[Collection(GridCollection.Name)]
public sealed class MatchBlockTests(GridFixture grid)
{
    private static readonly MatchInput Ana = MatchInput.Of(new Dictionary<string, string> { ["FirstName"] = "Ana", ["LastName"] = "Santos" }, []);

    [Fact]
    public async Task A_block_over_the_size_limit_compares_nothing_and_is_counted()
    {
        var domain = await grid.NewDomainAsync();
        var key = Assert.Single(BlockingKeys.For(Ana.ToCandidate()));
        var block = grid.Client.GetGrain<IMatchBlockGrain>(GrainKeys.MatchBlock(domain, key));
        using var oversized = new CounterProbe(FuzzyMetrics.MeterName, "upt.fuzzy.oversized_offers");

        // Fifty members fill the block; a minimum score above 1 keeps the fill from reporting anything.
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(new BlockOffer([], i + 1, Oversized: false), await block.OfferAsync($"fill-{i:D2}", Ana, 2.0));
        }

        Assert.Equal(0, oversized.Total);
        var fiftyFirst = await block.OfferAsync("fill-50", Ana, 2.0);
        // Identical to every member, yet not compared.
        var identical = await block.OfferAsync("twin", Ana, 0.0);

        Assert.Equal((0, 51, true), (fiftyFirst.Matches.Count, fiftyFirst.Members, fiftyFirst.Oversized));
        Assert.Equal((0, 51, true), (identical.Matches.Count, identical.Members, identical.Oversized));
        Assert.Equal(2, oversized.Total);
        Assert.Equal(51L, await CountRowsAsync(domain, key));
    }

    [Fact]
    public async Task Block_members_are_rebuilt_from_the_stored_profiles_after_deactivation()
    {
        // Continuous matching off, so only this test's offers reach the block.
        var domain = await grid.NewDomainAsync(new DomainSettings { Fuzzy = new FuzzyMatchSettings { Disabled = true } });
        var summary = await grid.Client.GetGrain<IIngestGrain>(0).IngestAsync([
            Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Travellers.Guest("BK-1", "Rosa", "Almeida", "rosa.a@fastmail.fm", "2024-01-01T00:00:00.000Z", "1979-11-02"))),
            Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Travellers.Guest("BK-2", "Rosa", "Almeida", "ralmeida@outlook.com", "2024-01-01T00:00:00.000Z", "1979-11-02"))),
        ]);
        Assert.Equal(0, summary.Errors);
        var (p1, p2) = (ProfileIds.ForTraveller(domain, "BK-1"), ProfileIds.ForTraveller(domain, "BK-2"));
        var (in1, in2) = (await InputAsync(domain, p1), await InputAsync(domain, p2));
        var key = BlockingKeys.For(in1.ToCandidate()).First(k => k.StartsWith("sy:", StringComparison.Ordinal));
        var block = grid.Client.GetGrain<IMatchBlockGrain>(GrainKeys.MatchBlock(domain, key));
        Assert.Equal(new BlockOffer([], 1, Oversized: false), await block.OfferAsync(p1, in1, 0.5));

        await grid.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var offer = await block.OfferAsync(p2, in2, 0.5);

        var expected = MatchScorer.Score(in2.ToCandidate(), in1.ToCandidate()).Score;
        Assert.Equal(new BlockMatch(p1, expected), Assert.Single(offer.Matches));
        Assert.Equal((2, false), (offer.Members, offer.Oversized));
    }

    private async Task<MatchInput> InputAsync(string domain, string profileId)
    {
        var view = await grid.Client.GetGrain<IProfileGrain>(GrainKeys.Profile(domain, profileId)).GetAsync(ProfileQuery.FieldsOnly);
        return MatchInput.Of(view!.Fields, []);
    }

    private async Task<long> CountRowsAsync(string domain, string key)
    {
        await using var cmd = grid.Database.CreateCommand("SELECT count(*) FROM upt_match_blocks WHERE domain = @d AND block_key = @k");
        cmd.Parameters.AddWithValue("d", domain);
        cmd.Parameters.AddWithValue("k", key);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>Sums one counter's measurements while it is alive (the silo runs in this process).</summary>
    private sealed class CounterProbe : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _total;

        public CounterProbe(string meter, string instrument)
        {
            _listener.InstrumentPublished = (i, l) =>
            {
                if (i.Meter.Name == meter && i.Name == instrument)
                {
                    l.EnableMeasurementEvents(i);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
            _listener.Start();
        }

        public long Total => Interlocked.Read(ref _total);

        public void Dispose() => _listener.Dispose();
    }
}
