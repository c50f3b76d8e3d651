using Upt.Grains.Profiles;

namespace Upt.Grains.Tests;

/// <summary>Deleting a domain takes its live grains with it, so a domain created again under the same name starts empty.</summary>
[Collection(GridCollection.Name)]
public sealed class DomainDeleteTests(GridFixture grid)
{
    private IIngestGrain Ingest => grid.Client.GetGrain<IIngestGrain>(0);

    [Fact]
    public async Task A_domain_deleted_and_created_again_shows_nothing_of_its_former_profiles()
    {
        var domain = await grid.NewDomainAsync();
        var profile = grid.Client.GetGrain<IProfileGrain>(GrainKeys.Profile(domain, ProfileIds.ForTraveller(domain, "D1")));
        await Ingest.IngestAsync([Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile",
            Envelopes.GuestProfile("D1", "ANN", "LEE", "ann@example.com", "2024-01-01T00:00:00.000Z")))]);
        Assert.Equal("ANN", (await profile.GetAsync(ProfileQuery.FieldsOnly))!.Fields["FirstName"]);

        var domainGrain = grid.Client.GetGrain<IDomainGrain>(domain);
        Assert.True(await domainGrain.DeleteAsync());
        Assert.True(await domainGrain.CreateAsync());

        // The profile's activation was live when the domain went: a stale one would still answer with ANN.
        Assert.Null(await profile.GetAsync(ProfileQuery.FieldsOnly));

        // Older than the deleted record: a stale in-memory state would keep ANN by precedence.
        await Ingest.IngestAsync([Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile",
            Envelopes.GuestProfile("D1", "BOB", "KING", "bob@example.com", "2023-01-01T00:00:00.000Z")))]);
        var view = await profile.GetAsync(ProfileQuery.FieldsOnly);
        Assert.NotNull(view);
        Assert.Equal("BOB", view.Fields["FirstName"]);
        Assert.Equal("KING", view.Fields["LastName"]);
        var info = await domainGrain.GetAsync();
        Assert.Equal(1, info!.Profiles);
        Assert.Equal(2, info.Objects);
    }
}
