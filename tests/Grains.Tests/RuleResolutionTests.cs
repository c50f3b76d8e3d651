using Upt.Grains.Profiles;
using Upt.Rules;

namespace Upt.Grains.Tests;

/// <summary>Identity resolution by rules at ingestion, through the real pipeline (grains, Postgres).</summary>
[Collection(GridCollection.Name)]
public sealed class RuleResolutionTests(GridFixture grid)
{
    private IIngestGrain Ingest => grid.Client.GetGrain<IIngestGrain>(0);

    /// <summary>Profile-level rule: first name + last name + birth date, lower-cased and trimmed (the server default).</summary>
    private static readonly Rule NameRule = new()
    {
        Index = 0,
        Name = "same_name_and_email",
        Conditions =
        [
            new Condition { Index = 0, ConditionType = ConditionTypes.Match, IncomingObjectType = RuleObjectTypes.Profile, IncomingObjectField = "FirstName" },
            new Condition { Index = 1, ConditionType = ConditionTypes.Match, IncomingObjectType = RuleObjectTypes.Profile, IncomingObjectField = "LastName" },
            new Condition { Index = 2, ConditionType = ConditionTypes.Match, IncomingObjectType = RuleObjectTypes.Profile, IncomingObjectField = "PersonalEmailAddress" },
        ],
    };

    private async Task<string> DomainWithRulesAsync(params Rule[] rules) =>
        await grid.NewDomainAsync(new DomainSettings { ActiveRuleSet = new RuleSet { Name = RuleSetNames.Active, Rules = rules } });

    private async Task<string?> ProfileOfAsync(string domain, string traveller) =>
        await grid.Client.GetGrain<IIdentifierGrain>(GrainKeys.Identifier(domain, IdentifierKinds.Traveller, traveller)).ResolveAsync();

    private async Task<long> ScalarAsync(string sql, string domain)
    {
        await using var cmd = grid.Database.CreateCommand(sql);
        cmd.Parameters.AddWithValue("d", domain);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<long> LiveProfilesAsync(string domain) => ScalarAsync("SELECT count(*) FROM upt_profiles WHERE domain = @d AND merged_into IS NULL", domain);

    private Task<long> MarkedProfilesAsync(string domain) =>
        ScalarAsync("SELECT count(*) FROM upt_profiles WHERE domain = @d AND (fields->>'unmergeBlocked')::boolean", domain);

    private Task<long> MergesAsync(string domain, string type) =>
        ScalarAsync($"SELECT count(*) FROM upt_merge_history WHERE domain = @d AND merge_type = '{type}'", domain);

    [Fact]
    public async Task An_object_ingested_again_links_nothing_new_and_a_later_traveller_with_its_id_still_merges()
    {
        var domain = await grid.NewDomainAsync();
        // The profile remembers the object's rule key as linked, so the repeats neither call the rule index nor write its
        // row again; the value's index must still hold the profile for the next traveller to find.
        for (var i = 1; i <= 3; i++)
        {
            await Ingest.IngestAsync([Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("RA", "Ann", "Lee", "ann@a.example", $"2024-01-0{i}T00:00:00.000Z", loyaltyId: "HX-2002")))]);
        }

        await Ingest.IngestAsync([Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("RB", "Anne", "Lee", "anne@b.example", "2024-02-01T00:00:00.000Z", loyaltyId: "HX-2002")))]);

        Assert.Equal(await ProfileOfAsync(domain, "RA"), await ProfileOfAsync(domain, "RB"));
        Assert.Equal(1, await LiveProfilesAsync(domain));
        Assert.Equal(1, await MergesAsync(domain, "rule"));
    }

    [Fact]
    public async Task Travellers_sharing_a_loyalty_id_become_one_profile_with_a_rule_merge_by_the_default_rules()
    {
        var domain = await grid.NewDomainAsync();
        await Ingest.IngestAsync([Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("A", "Ann", "Lee", "ann@a.example", "2024-01-01T00:00:00.000Z", loyaltyId: "HX-1001")))]);
        await Ingest.IngestAsync([Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("B", "Anne", "Lee", "anne@b.example", "2024-02-01T00:00:00.000Z", loyaltyId: "HX-1001")))]);

        var a = await ProfileOfAsync(domain, "A");
        Assert.NotNull(a);
        Assert.Equal(a, await ProfileOfAsync(domain, "B"));
        Assert.Equal(1, await LiveProfilesAsync(domain));
        Assert.Equal(1, await MergesAsync(domain, "rule"));
        Assert.Equal(0, await MarkedProfilesAsync(domain));
        Assert.Equal(1, (await grid.Client.GetGrain<IDomainGrain>(domain).GetAsync())!.Profiles);
        var ruleId = await ScalarAsync("SELECT rule_id::bigint FROM upt_merge_history WHERE domain = @d", domain);
        Assert.Equal(2, ruleId); // merge_same_hotel_loyalty_ids
    }

    [Fact]
    public async Task With_rule_based_resolution_off_a_shared_loyalty_id_links_nothing()
    {
        var domain = await grid.NewDomainAsync(new DomainSettings
        {
            Identity = new IdentitySettings { RuleBasedResolutionDisabled = true },
            Fuzzy = new FuzzyMatchSettings { Disabled = true },
        });
        await Ingest.IngestAsync([Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("O1", "Ann", "Lee", "ann@a.example", "2024-01-01T00:00:00.000Z", loyaltyId: "HX-2002")))]);
        await Ingest.IngestAsync([Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("O2", "Ann", "Lee", "ann@a.example", "2024-02-01T00:00:00.000Z", loyaltyId: "HX-2002")))]);

        Assert.Equal(2, await LiveProfilesAsync(domain));
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM upt_merge_history WHERE domain = @d", domain));
    }

    [Fact]
    public async Task Placeholder_values_never_link_profiles()
    {
        var domain = await grid.NewDomainAsync();
        await Ingest.IngestAsync([
            Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("P1", "Ann", "Lee", "ann@a.example", "2024-01-01T00:00:00.000Z", loyaltyId: "unknown"))),
            Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("P2", "Bob", "Ray", "bob@b.example", "2024-01-01T00:00:00.000Z", loyaltyId: "unknown"))),
            Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("P3", "Cy", "Do", "cy@c.example", "2024-01-01T00:00:00.000Z", loyaltyId: "0000000"))),
            Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("P4", "Di", "Ek", "di@d.example", "2024-01-01T00:00:00.000Z", loyaltyId: "0000000"))),
        ]);

        Assert.Equal(4, await LiveProfilesAsync(domain));
        Assert.Equal(0, await MergesAsync(domain, "rule"));
    }

    [Fact]
    public async Task A_value_shared_by_more_profiles_than_allowed_stops_linking()
    {
        var domain = await grid.NewDomainAsync(new DomainSettings { Identity = new IdentitySettings { MaxProfilesPerValue = 2 } });
        foreach (var (t, first, last) in new[] { ("S1", "Ann", "Lee"), ("S2", "Bob", "Ray"), ("S3", "Cyd", "Moss"), ("S4", "Dee", "Quist") })
        {
            // One at a time: S2 links with S1 (two holders), then the value is over the limit for S3 and S4.
            await Ingest.IngestAsync([Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile(t, first, last, $"{t}@x.example", "2024-01-01T00:00:00.000Z", loyaltyId: "AGENCY-77")))]);
        }

        Assert.Equal(await ProfileOfAsync(domain, "S1"), await ProfileOfAsync(domain, "S2"));
        Assert.Equal(3, await LiveProfilesAsync(domain));
        Assert.Equal(1, await MergesAsync(domain, "rule"));
    }

    /// <summary>
    /// UPT's gap: it matched on the incoming object only. Here the name comes from one object and the e-mail from
    /// another of the same traveller; the combination exists only on the merged profile, and it still finds the other.
    /// </summary>
    [Fact]
    public async Task A_profile_level_rule_matches_on_the_whole_profile_not_only_the_incoming_object()
    {
        var domain = await DomainWithRulesAsync(NameRule);
        await Ingest.IngestAsync([Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("X1", "Maria", "Silva", "maria@s.example", "2024-01-01T00:00:00.000Z")))]);
        // X2's first object has the name but another e-mail; the second brings the matching e-mail (newer, so it wins).
        await Ingest.IngestAsync([Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("X2", " MARIA", "silva ", "other@s.example", "2024-01-02T00:00:00.000Z")))]);
        Assert.NotEqual(await ProfileOfAsync(domain, "X1"), await ProfileOfAsync(domain, "X2"));

        await Ingest.IngestAsync([Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("X2", "Maria", "Silva", "Maria@S.example", "2024-01-03T00:00:00.000Z")))]);

        Assert.Equal(await ProfileOfAsync(domain, "X1"), await ProfileOfAsync(domain, "X2"));
        Assert.Equal(1, await LiveProfilesAsync(domain));
    }

    /// <summary>Every matching profile is merged (not only the first), and merges cascade through new evidence.</summary>
    [Fact]
    public async Task Every_matching_profile_is_merged_and_merges_cascade()
    {
        var domain = await grid.NewDomainAsync();
        await Ingest.IngestAsync([
            Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("C1", "A", "One", "c1@x.example", "2024-01-01T00:00:00.000Z", loyaltyId: "L-AAA1"))),
            Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("C2", "B", "Two", "c2@x.example", "2024-01-01T00:00:00.000Z", loyaltyId: "L-BBB2"))),
            Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("C3", "C", "Three", "c3@x.example", "2024-01-01T00:00:00.000Z", loyaltyId: "L-CCC3"))),
        ]);
        Assert.Equal(3, await LiveProfilesAsync(domain));

        // One traveller carrying all three ids links the three profiles (and itself) into one.
        var hub = Envelopes.GuestProfile("C4", "D", "Four", "c4@x.example", "2024-01-02T00:00:00.000Z");
        hub["loyaltyPrograms"] = new System.Text.Json.Nodes.JsonArray(
            new System.Text.Json.Nodes.JsonObject { ["id"] = "L-AAA1", ["level"] = "Blue" },
            new System.Text.Json.Nodes.JsonObject { ["id"] = "L-BBB2", ["level"] = "Blue" },
            new System.Text.Json.Nodes.JsonObject { ["id"] = "L-CCC3", ["level"] = "Blue" });
        await Ingest.IngestAsync([Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", hub))]);

        var profile = await ProfileOfAsync(domain, "C1");
        foreach (var t in new[] { "C2", "C3", "C4" })
        {
            Assert.Equal(profile, await ProfileOfAsync(domain, t));
        }

        Assert.Equal(1, await LiveProfilesAsync(domain));
        Assert.Equal(3, await MergesAsync(domain, "rule"));
        // The deterministic survivor: the smallest profile id of the four.
        var ids = new[] { "C1", "C2", "C3", "C4" }.Select(t => ProfileIds.ForTraveller(domain, t)).Order(StringComparer.Ordinal).First();
        Assert.Equal(ids, profile);
    }

    /// <summary>Concurrent newcomers sharing an id: the rule-index value serializes them, so they always find each other.</summary>
    [Fact]
    public async Task Concurrent_travellers_sharing_an_id_end_in_one_profile()
    {
        var domain = await grid.NewDomainAsync();
        for (var round = 0; round < 5; round++)
        {
            var travellers = Enumerable.Range(0, 8).Select(i => $"R{round}-{i}").ToList();
            await Task.WhenAll(travellers.Select(t => Ingest.IngestAsync([
                Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile(t, "F" + t, "L" + t, $"{t}@x.example", "2024-01-01T00:00:00.000Z", loyaltyId: $"SHARED-{round}")))])));
            var profiles = await Task.WhenAll(travellers.Select(t => ProfileOfAsync(domain, t)));
            Assert.Single(profiles.Distinct());
        }

        Assert.Equal(5, await LiveProfilesAsync(domain));
        Assert.Equal(35, await MergesAsync(domain, "rule"));
    }

    /// <summary>
    /// Unmerge restores both profiles from their objects, the same evidence does not merge them again, new evidence does.
    /// </summary>
    [Fact]
    public async Task Unmerge_restores_both_profiles_and_blocks_the_same_evidence_until_new_evidence_arrives()
    {
        var domain = await grid.NewDomainAsync();
        await Ingest.IngestAsync([Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("U1", "Ulla", "Berg", "ulla@u.example", "2024-01-01T00:00:00.000Z", loyaltyId: "UL-1")))]);
        await Ingest.IngestAsync([Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("U2", "Uwe", "Brandt", "uwe@u.example", "2024-02-01T00:00:00.000Z", loyaltyId: "UL-1")))]);
        var p1 = ProfileIds.ForTraveller(domain, "U1");
        var p2 = ProfileIds.ForTraveller(domain, "U2");
        var (survivor, absorbed) = string.CompareOrdinal(p1, p2) < 0 ? (p1, p2) : (p2, p1);
        Assert.Equal(survivor, await ProfileOfAsync(domain, "U2"));

        var outcome = await grid.Client.GetGrain<IMergeGrain>(domain).UnmergeAsync(absorbed, survivor, "operator-1");

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(p1, await ProfileOfAsync(domain, "U1"));
        Assert.Equal(p2, await ProfileOfAsync(domain, "U2"));
        var v1 = await grid.Client.GetGrain<IProfileGrain>(GrainKeys.Profile(domain, p1)).GetAsync(new ProfileQuery(null, 0, 10));
        var v2 = await grid.Client.GetGrain<IProfileGrain>(GrainKeys.Profile(domain, p2)).GetAsync(new ProfileQuery(null, 0, 10));
        Assert.Equal(("Ulla", "Berg", "ulla@u.example"), (v1!.Fields["FirstName"], v1.Fields["LastName"], v1.Fields["PersonalEmailAddress"]));
        Assert.Equal(("Uwe", "Brandt", "uwe@u.example"), (v2!.Fields["FirstName"], v2.Fields["LastName"], v2.Fields["PersonalEmailAddress"]));
        Assert.Equal(["U1"], v1.TravellerIds);
        Assert.Equal(["U2"], v2.TravellerIds);
        Assert.Equal(2, await LiveProfilesAsync(domain));
        // Both sides carry the mark that makes rule resolution consult the negative links (others skip that query).
        Assert.Equal(2, await MarkedProfilesAsync(domain));

        // The same evidence again (another object with the same loyalty id) does not re-merge them.
        await Ingest.IngestAsync([Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("U2", "Uwe", "Brandt", "uwe@u.example", "2024-03-01T00:00:00.000Z", loyaltyId: "UL-1")))]);
        Assert.Equal(2, await LiveProfilesAsync(domain));
        Assert.NotEqual(await ProfileOfAsync(domain, "U1"), await ProfileOfAsync(domain, "U2"));

        // New evidence (a second shared id) merges them.
        await Ingest.IngestAsync([Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("U1", "Ulla", "Berg", "ulla@u.example", "2024-04-01T00:00:00.000Z", loyaltyId: "UL-2")))]);
        await Ingest.IngestAsync([Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("U2", "Uwe", "Brandt", "uwe@u.example", "2024-04-02T00:00:00.000Z", loyaltyId: "UL-2")))]);
        Assert.Equal(1, await LiveProfilesAsync(domain));
        Assert.Equal(await ProfileOfAsync(domain, "U1"), await ProfileOfAsync(domain, "U2"));
    }

    [Fact]
    public async Task A_deleted_profile_is_gone_and_its_traveller_starts_afresh()
    {
        var domain = await grid.NewDomainAsync();
        await Ingest.IngestAsync([Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("D1", "Dan", "Ek", "dan@d.example", "2024-01-01T00:00:00.000Z", loyaltyId: "DL-1")))]);
        var id = await ProfileOfAsync(domain, "D1");

        Assert.True(await grid.Client.GetGrain<IMergeGrain>(domain).DeleteProfileAsync(id!, "operator-1"));
        Assert.False(await grid.Client.GetGrain<IMergeGrain>(domain).DeleteProfileAsync(id!, "operator-1"));

        Assert.Null(await grid.Client.GetGrain<IProfileGrain>(GrainKeys.Profile(domain, id!)).GetAsync(new ProfileQuery(null, 0, 10)));
        Assert.Null(await ProfileOfAsync(domain, "D1"));
        Assert.Equal(0, await LiveProfilesAsync(domain));
        Assert.Equal(0, (await grid.Client.GetGrain<IDomainGrain>(domain).GetAsync())!.Profiles);
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM upt_lookups WHERE domain = @d", domain));
    }
}
