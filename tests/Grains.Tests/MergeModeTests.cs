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
            Envelopes.GuestProfile(t, "FIRST" + t, "LAST" + t, $"{t.ToLowerInvariant()}@example.com", $"2024-01-0{i + 1}T00:00:00.000Z")))).ToArray();
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
