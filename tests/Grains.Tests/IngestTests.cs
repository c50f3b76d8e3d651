using System.Text;
using System.Text.Json.Nodes;
using Upt.Grains.Profiles;

namespace Upt.Grains.Tests;

/// <summary>The ingest pipeline end to end inside a cluster: decode, identity, profile, Postgres.</summary>
[Collection(GridCollection.Name)]
public sealed class IngestTests(GridFixture grid)
{
    private IIngestGrain Ingest => grid.Client.GetGrain<IIngestGrain>(0);

    private IProfileGrain Profile(string domain, string travellerId) =>
        grid.Client.GetGrain<IProfileGrain>(GrainKeys.Profile(domain, ProfileIds.ForTraveller(domain, travellerId)));

    /// <summary>A guest profile becomes one profile with its four flat records as objects, its lookups and its counts.</summary>
    [Fact]
    public async Task Guest_profile_becomes_a_profile_with_objects_lookups_and_counts()
    {
        var domain = await grid.NewDomainAsync();
        var data = Envelopes.GuestProfile("T1", "ROBERT", "DOWNEY", "User1@Example.com", "2023-06-01T13:16:47.000Z", "+47 484 479 7454", "L-22841965");

        var summary = await Ingest.IngestAsync([Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", data))]);

        Assert.Equal(new IngestSummary(1, 4, 0, 0, 4), summary);
        var profileId = await grid.Client.GetGrain<IIdentifierGrain>(GrainKeys.Identifier(domain, IdentifierKinds.Traveller, "T1")).ResolveAsync();
        Assert.Equal(ProfileIds.ForTraveller(domain, "T1"), profileId);

        var view = await Profile(domain, "T1").GetAsync(new ProfileQuery(null, 0, 10));
        Assert.NotNull(view);
        Assert.Equal("ROBERT", view.Fields["FirstName"]);
        Assert.Equal("DOWNEY", view.Fields["LastName"]);
        Assert.Equal("User1@Example.com", view.Fields["PersonalEmailAddress"]);
        Assert.Equal(["T1"], view.TravellerIds);
        Assert.Equal(
            new Dictionary<string, long> { ["email_history"] = 1, ["guest_profile"] = 1, ["hotel_loyalty"] = 1, ["phone_history"] = 1 },
            view.Objects.ToDictionary(o => o.Key, o => o.Value.Total));

        foreach (var (kind, value) in new[] { (IdentifierKinds.Email, "user1@EXAMPLE.com "), (IdentifierKinds.Phone, "+474844797454"), (IdentifierKinds.LastName, "Downey"), (IdentifierKinds.Loyalty, "L-22841965") })
        {
            var found = await grid.Client.GetGrain<IIdentifierGrain>(GrainKeys.Identifier(domain, kind, value)).FindProfilesAsync();
            Assert.Equal([profileId!], found);
        }

        var info = await grid.Client.GetGrain<IDomainGrain>(domain).GetAsync();
        Assert.NotNull(info);
        Assert.Equal(1, info.Profiles);
        Assert.Equal(4, info.Objects);
        Assert.Equal(0, info.Errors);
    }

    /// <summary>Redelivering the same records (same bytes, same source positions) changes nothing a second time.</summary>
    [Fact]
    public async Task Redelivery_changes_nothing_twice()
    {
        var domain = await grid.NewDomainAsync();
        var batch = new[]
        {
            Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("R1", "ANN", "LEE", "ann@example.com", "2024-01-01T00:00:00.000Z"))),
            Envelopes.Raw(Encoding.UTF8.GetBytes("{not json")),
            Envelopes.Raw(Envelopes.Envelope(domain, "hotel_booking", new JsonObject { ["id"] = "B1", ["segments"] = new JsonArray() })),
        };

        var first = await Ingest.IngestAsync(batch);
        var second = await Ingest.IngestAsync(batch);

        Assert.Equal(new IngestSummary(3, 2, 2, 0, 2), first);
        Assert.Equal(new IngestSummary(3, 2, 2, 0, 0), second);
        var info = await grid.Client.GetGrain<IDomainGrain>(domain).GetAsync();
        Assert.Equal(1, info!.Profiles);
        Assert.Equal(2, info.Objects);
        Assert.Equal(1, info.Errors);
        Assert.Equal(1, (await grid.Client.GetGrain<IDomainGrain>(domain).ListErrorsAsync(0, 10)).Total);
    }

    /// <summary>Bad input becomes error records with a category and message; the good record in the same batch is ingested.</summary>
    [Fact]
    public async Task Bad_input_becomes_error_records_and_disturbs_nothing_else()
    {
        var domain = await grid.NewDomainAsync();
        var batch = new[]
        {
            Envelopes.Raw(Envelopes.Envelope(domain, "bogus_type", new JsonObject())),
            Envelopes.Raw(Envelopes.Envelope(domain, "hotel_booking", new JsonObject { ["id"] = "B1" })),
            Envelopes.Raw(Envelopes.Envelope("no_such_domain", "guest_profile", Envelopes.GuestProfile("X", "A", "B", "a@b.co", "2024-01-01T00:00:00.000Z"))),
            Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", JsonNode.Parse("""{"id":"G1","loyaltyPrograms":null}""")!)),
            Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("G2", "ZOE", "KIM", "zoe@example.com", "2024-01-01T00:00:00.000Z"))),
        };

        var summary = await Ingest.IngestAsync(batch);

        Assert.Equal(4, summary.Errors);
        Assert.Equal(2, summary.FlatRecords);
        var errors = await grid.Client.GetGrain<IDomainGrain>(domain).ListErrorsAsync(0, 10);
        Assert.Equal(3, errors.Total);
        Assert.All(errors.Items, e =>
        {
            Assert.Equal(domain, e.Domain);
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
            Assert.False(string.IsNullOrWhiteSpace(e.Category));
            Assert.Contains(domain, e.Raw);
        });
        // As in UPT, an envelope whose type is not one of the 7 reports the type as "unknown" (the message names it).
        Assert.Equal(["guest_profile", "hotel_booking", "unknown"], errors.Items.Select(e => e.ObjectType).Order().ToArray());
        Assert.Contains(errors.Items, e => e.Message.Contains("bogus_type", StringComparison.Ordinal));
        var unknownDomain = await grid.Client.GetGrain<IDomainGrain>(domain).ListErrorsAsync(0, 10, travellerId: "nobody");
        Assert.Equal(0, unknownDomain.Total);
        var view = await Profile(domain, "G2").GetAsync(ProfileQuery.FieldsOnly);
        Assert.Equal("ZOE", view!.Fields["FirstName"]);
        Assert.Null(await Profile(domain, "G1").GetAsync(ProfileQuery.FieldsOnly));
    }

    /// <summary>An older record arriving later does not overwrite a newer profile-level value, and lookups follow the winner.</summary>
    [Fact]
    public async Task Newer_value_wins_regardless_of_arrival_order()
    {
        var domain = await grid.NewDomainAsync();
        await Ingest.IngestAsync([Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("O1", "NEW", "ONE", "new@example.com", "2024-01-02T00:00:00.000Z")))]);
        await Ingest.IngestAsync([Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("O1", "OLD", "ONE", "old@example.com", "2024-01-01T00:00:00.000Z")))]);

        var view = await Profile(domain, "O1").GetAsync(new ProfileQuery(["email_history"], 0, 10));
        Assert.Equal("NEW", view!.Fields["FirstName"]);
        Assert.Equal("new@example.com", view.Fields["PersonalEmailAddress"]);
        Assert.Equal(2, view.Objects["email_history"].Total);
        var byOld = await grid.Client.GetGrain<IIdentifierGrain>(GrainKeys.Identifier(domain, IdentifierKinds.Email, "old@example.com")).FindProfilesAsync();
        Assert.Empty(byOld);
    }

    /// <summary>An object type with a higher rank wins over a newer value from a lower-ranked type.</summary>
    [Fact]
    public async Task Higher_ranked_object_type_beats_recency()
    {
        var domain = await grid.NewDomainAsync(new DomainSettings { ObjectTypePriority = new Dictionary<string, int> { ["guest_profile"] = 2, ["pax_profile"] = 1 } });
        await Ingest.IngestAsync([Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("P1", "GUEST", "NAME", "g@example.com", "2024-01-01T00:00:00.000Z")))]);
        await Ingest.IngestAsync([Envelopes.Raw(Envelopes.Envelope(domain, "pax_profile", Envelopes.GuestProfile("P1", "PAX", "NAME", "p@example.com", "2025-01-01T00:00:00.000Z")))]);

        var view = await Profile(domain, "P1").GetAsync(ProfileQuery.FieldsOnly);
        Assert.Equal("GUEST", view!.Fields["FirstName"]);
        Assert.Equal("g@example.com", view.Fields["PersonalEmailAddress"]);
    }

    /// <summary>Partial mode overlays only the listed fields on the stored object and the profile.</summary>
    [Fact]
    public async Task Partial_mode_overlays_only_listed_fields()
    {
        var domain = await grid.NewDomainAsync();
        await Ingest.IngestAsync([Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("Q1", "ROBERT", "DOWNEY", "r@example.com", "2024-01-01T00:00:00.000Z")))]);
        var update = Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("Q1", "BOB", "SMITH", "s@example.com", "2024-02-01T00:00:00.000Z"),
            mode: "partial", partialFields: ["guest_profile.first_name"]);

        var summary = await Ingest.IngestAsync([Envelopes.Raw(update)]);

        Assert.Equal(1, summary.FlatRecords);
        Assert.Equal(1, summary.Skipped);
        var view = await Profile(domain, "Q1").GetAsync(new ProfileQuery(["guest_profile"], 0, 10));
        Assert.Equal("BOB", view!.Fields["FirstName"]);
        Assert.Equal("DOWNEY", view.Fields["LastName"]);
        Assert.Equal("r@example.com", view.Fields["PersonalEmailAddress"]);
        var stored = JsonNode.Parse(view.Objects["guest_profile"].Items.Single().Json)!;
        Assert.Equal("BOB", stored["first_name"]!.GetValue<string>());
        Assert.Equal("DOWNEY", stored["last_name"]!.GetValue<string>());
    }

    /// <summary>Records of one traveller are applied in stream order within a batch: the last one wins.</summary>
    [Fact]
    public async Task Records_of_one_traveller_apply_in_stream_order()
    {
        var domain = await grid.NewDomainAsync();
        var batch = new[] { "A", "B", "C" }
            .Select(n => Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("S1", n, "ORDER", "s1@example.com", "2024-01-01T00:00:00.000Z"))))
            .ToArray();

        await Ingest.IngestAsync(batch);

        var view = await Profile(domain, "S1").GetAsync(new ProfileQuery(["guest_profile"], 0, 10));
        Assert.Equal("C", view!.Fields["FirstName"]);
        Assert.Equal("C", JsonNode.Parse(view.Objects["guest_profile"].Items.Single().Json)!["first_name"]!.GetValue<string>());
    }

    /// <summary>Objects page newest first per type with the type's total (31 objects, pages of 10).</summary>
    [Fact]
    public async Task Objects_are_paginated_newest_first()
    {
        var domain = await grid.NewDomainAsync();
        var batch = Enumerable.Range(0, 31)
            .Select(i => Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile",
                Envelopes.GuestProfile("M1", "MANY", "MAILS", $"m{i:D2}@example.com", $"2024-01-{i + 1:D2}T00:00:00.000Z"))))
            .ToArray();
        await Ingest.IngestAsync(batch);

        var pages = new List<IReadOnlyList<string>>();
        foreach (var page in new[] { 0, 1, 3, 100 })
        {
            var view = await Profile(domain, "M1").GetAsync(new ProfileQuery(["email_history"], page, 10));
            Assert.Equal(31, view!.Objects["email_history"].Total);
            pages.Add(view.Objects["email_history"].Items.Select(o => o.ObjectId).ToList());
        }

        Assert.Equal(Enumerable.Range(21, 10).Reverse().Select(i => $"personalm{i:D2}@example.com"), pages[0]);
        Assert.Equal(Enumerable.Range(11, 10).Reverse().Select(i => $"personalm{i:D2}@example.com"), pages[1]);
        Assert.Equal(["personalm00@example.com"], pages[2]);
        Assert.Empty(pages[3]);
    }
}
