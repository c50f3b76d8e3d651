using System.Text.Json.Nodes;
using Upt.Grains.Profiles;

namespace Upt.Grains.Tests;

/// <summary>Envelope merge mode: two travellers' profiles become one, with forwarding from the absorbed id.</summary>
[Collection(GridCollection.Name)]
public sealed class MergeModeTests(GridFixture grid)
{
    private IIngestGrain Ingest => grid.Client.GetGrain<IIngestGrain>(0);

    private Task<string?> ResolveAsync(string domain, string traveller) =>
        grid.Client.GetGrain<IIdentifierGrain>(GrainKeys.Identifier(domain, IdentifierKinds.Traveller, traveller)).ResolveAsync().AsTask();

    private async Task SeedAsync(string domain, params string[] travellers)
    {
        var batch = travellers.Select((t, i) => Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile",
            Envelopes.GuestProfile(t, "FIRST" + t, "LAST" + t, $"{t.ToLowerInvariant()}@example.com", $"2024-01-{i + 1:D2}T00:00:00.000Z")))).ToArray();
        await Ingest.IngestAsync(batch);
    }

    private static JsonObject MergeEnvelope(string domain, string traveller, string into) =>
        Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile(traveller, "X", "Y", "ignored@example.com", "2030-01-01T00:00:00.000Z"), mode: "merge")
            .Also(e => e["mergeModeProfileId"] = into);

    [Fact]
    public async Task Merge_mode_joins_two_profiles_and_forwards_the_absorbed_id()
    {
        var domain = await grid.NewDomainAsync();
        await SeedAsync(domain, "MA", "MB");
        var (pa, pb) = (ProfileIds.ForTraveller(domain, "MA"), ProfileIds.ForTraveller(domain, "MB"));
        var survivor = string.CompareOrdinal(pa, pb) < 0 ? pa : pb;
        var absorbed = survivor == pa ? pb : pa;

        var summary = await Ingest.IngestAsync([Envelopes.Raw(MergeEnvelope(domain, "MA", "MB"))]);

        Assert.Equal(0, summary.Errors);
        Assert.Equal(1, summary.Changes);
        Assert.Equal(survivor, await ResolveAsync(domain, "MA"));
        Assert.Equal(survivor, await ResolveAsync(domain, "MB"));
        var viaAbsorbed = await grid.Client.GetGrain<IProfileGrain>(GrainKeys.Profile(domain, absorbed)).GetAsync(new ProfileQuery(null, 0, 10));
        Assert.NotNull(viaAbsorbed);
        Assert.Equal(survivor, viaAbsorbed.ProfileId);
        Assert.Equal(["MA", "MB"], viaAbsorbed.TravellerIds);
        Assert.Equal(2, viaAbsorbed.Objects["guest_profile"].Total);
        Assert.Equal(2, viaAbsorbed.Objects["email_history"].Total);
        // Nothing of the merge request itself is ingested (its "X Y" names never appear).
        Assert.Equal("FIRSTMB", viaAbsorbed.Fields["FirstName"]);
        var info = await grid.Client.GetGrain<IDomainGrain>(domain).GetAsync();
        Assert.Equal(1, info!.Profiles);
        Assert.Equal(4, info.Objects);

        // Later records of either traveller land in the survivor.
        await Ingest.IngestAsync([Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("MA", "LATEST", "LASTMA", "ma2@example.com", "2025-01-01T00:00:00.000Z")))]);
        var after = await grid.Client.GetGrain<IProfileGrain>(GrainKeys.Profile(domain, survivor)).GetAsync(new ProfileQuery(["email_history"], 0, 10));
        Assert.Equal("LATEST", after!.Fields["FirstName"]);
        Assert.Equal(3, after.Objects["email_history"].Total);
        Assert.Equal([survivor], await grid.Client.GetGrain<IIdentifierGrain>(GrainKeys.Identifier(domain, IdentifierKinds.Email, "ma2@example.com")).FindProfilesAsync());
    }

    [Fact]
    public async Task Opposite_merges_at_once_end_in_one_profile()
    {
        var domain = await grid.NewDomainAsync();
        await SeedAsync(domain, "OA", "OB", "OC");

        await Task.WhenAll(
            Ingest.IngestAsync([Envelopes.Raw(MergeEnvelope(domain, "OA", "OB"))]),
            Ingest.IngestAsync([Envelopes.Raw(MergeEnvelope(domain, "OB", "OA"))]),
            Ingest.IngestAsync([Envelopes.Raw(MergeEnvelope(domain, "OC", "OA"))]));

        var ids = new[] { await ResolveAsync(domain, "OA"), await ResolveAsync(domain, "OB"), await ResolveAsync(domain, "OC") };
        Assert.Single(ids.Distinct());
        Assert.Equal(1, (await grid.Client.GetGrain<IDomainGrain>(domain).GetAsync())!.Profiles);
    }

    /// <summary>
    /// Many concurrent merges over a connected graph of travellers (each side may be absorbed by a third
    /// profile while a merge is in flight) end in exactly one profile holding every object.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Concurrent_merges_over_a_connected_graph_end_in_one_profile(int seed)
    {
        var domain = await grid.NewDomainAsync();
        var travellers = Enumerable.Range(0, 8).Select(i => $"G{seed}T{i}").ToArray();
        await SeedAsync(domain, travellers);
        var random = new Random(seed);
        // A random spanning tree plus extra edges, each edge in a random direction.
        var edges = Enumerable.Range(1, travellers.Length - 1).Select(i => (travellers[i], travellers[random.Next(i)])).ToList();
        edges.AddRange(Enumerable.Range(0, 6).Select(_ => (travellers[random.Next(8)], travellers[random.Next(8)])).Where(e => e.Item1 != e.Item2));
        var merges = edges.Select(e => random.Next(2) == 0 ? e : (e.Item2, e.Item1))
            .Select(e => Ingest.IngestAsync([Envelopes.Raw(MergeEnvelope(domain, e.Item1, e.Item2))]));

        var summaries = await Task.WhenAll(merges);

        Assert.All(summaries, s => Assert.Equal(0, s.Errors));
        var ids = await Task.WhenAll(travellers.Select(t => ResolveAsync(domain, t)));
        var survivor = Assert.Single(ids.Distinct());
        var view = await grid.Client.GetGrain<IProfileGrain>(GrainKeys.Profile(domain, survivor!)).GetAsync(new ProfileQuery(null, 0, 100));
        Assert.Equal(travellers.Order(StringComparer.Ordinal), view!.TravellerIds);
        Assert.Equal(8, view.Objects["guest_profile"].Total);
        Assert.Equal(8, view.Objects["email_history"].Total);
        var info = await grid.Client.GetGrain<IDomainGrain>(domain).GetAsync();
        Assert.Equal(1, info!.Profiles);
        Assert.Equal(16, info.Objects);
    }

    [Fact]
    public async Task Merge_into_an_unknown_traveller_is_an_error_record()
    {
        var domain = await grid.NewDomainAsync();
        await SeedAsync(domain, "UA");

        var summary = await Ingest.IngestAsync([Envelopes.Raw(MergeEnvelope(domain, "UA", "NOBODY"))]);

        Assert.Equal(1, summary.Errors);
        var errors = await grid.Client.GetGrain<IDomainGrain>(domain).ListErrorsAsync(0, 10);
        Assert.Equal("Cannot merge: traveller NOBODY has no profile", Assert.Single(errors.Items).Message);
        Assert.Equal(1, (await grid.Client.GetGrain<IDomainGrain>(domain).GetAsync())!.Profiles);
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject obj, Action<JsonObject> change)
    {
        change(obj);
        return obj;
    }
}
