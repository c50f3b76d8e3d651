using Upt.Rules;
using Upt.TestSupport;

namespace Upt.Grains.Tests;

/// <summary>
/// The identity bar: parallel producers interleave events of overlapping identities — shared loyalty ids, shared
/// e-mails, chains that only link through a third traveller — and a new rule set is activated mid-stream. Every
/// object must end in its person's profile, every traveller id in exactly one live profile, nothing lost or doubled.
/// </summary>
[Collection(GridCollection.Name)]
public sealed class IdentityConcurrencyTests(GridFixture grid)
{
    private const int People = 40;
    private const int Producers = 4;

    private static Rule ObjectRule(int index, string name, string type, string field) => new()
    {
        Index = index,
        Name = name,
        Conditions = [new Condition { Index = 0, ConditionType = ConditionTypes.Match, IncomingObjectType = type, IncomingObjectField = field }],
    };

    private static readonly Rule Loyalty = ObjectRule(0, "same_hotel_loyalty", "hotel_loyalty", "id");
    private static readonly Rule Email = ObjectRule(1, "same_email", "email_history", "address");

    /// <summary>
    /// Person <c>p</c>'s travellers: A and B share a loyalty id; B, C and F share an e-mail; D and F share another
    /// loyalty id, so D reaches A only through F and B. Under the first rule set (loyalty only) that is three profiles
    /// per person; under the second (loyalty and e-mail) one.
    /// </summary>
    private static IEnumerable<(string Traveller, string Email, string? Loyalty)> Travellers(int p) =>
    [
        ($"p{p}-a", $"a{p}@one.example", $"LA-{p:000}"),
        ($"p{p}-b", $"shared{p}@two.example", $"LA-{p:000}"),
        ($"p{p}-c", $"shared{p}@two.example", null),
        ($"p{p}-d", $"d{p}@three.example", $"LD-{p:000}"),
        ($"p{p}-f", $"shared{p}@two.example", $"LD-{p:000}"),
    ];

    [Fact(Timeout = 240_000)]
    public async Task Overlapping_identities_from_parallel_producers_with_an_activation_mid_stream_all_end_in_the_right_profile()
    {
        var domain = await grid.NewDomainAsync(new DomainSettings
        {
            ActiveRuleSet = new RuleSet { Name = RuleSetNames.Active, Rules = [Loyalty] },
            Fuzzy = new FuzzyMatchSettings { Disabled = true },
        });

        // Two events per traveller (the second a later update), all of a traveller's events in one producer, in order.
        var people = Enumerable.Range(0, People).ToList();
        var travellers = people.SelectMany(p => Travellers(p).Select(t => (Person: p, t.Traveller, t.Email, t.Loyalty))).ToList();
        var random = new Random(4711);
        var queues = Enumerable.Range(0, Producers).Select(_ => new List<Queue<RawRecord>>()).ToList();
        foreach (var t in travellers)
        {
            queues[random.Next(Producers)].Add(new Queue<RawRecord>(new[] { "2024-01-01T00:00:00.000Z", "2024-06-01T00:00:00.000Z" }.Select(at =>
                Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile(t.Traveller, "First" + t.Person, "Last" + t.Person, t.Email, at, loyaltyId: t.Loyalty))))));
        }

        // Within a producer, travellers interleave at random while each traveller's own events keep their order.
        var streams = queues.Select(q =>
        {
            var stream = new List<RawRecord>();
            var open = q.Where(x => x.Count > 0).ToList();
            while (open.Count > 0)
            {
                var pick = open[random.Next(open.Count)];
                stream.Add(pick.Dequeue());
                open.RemoveAll(x => x.Count == 0);
            }

            return stream;
        }).ToList();

        using var halfway = new CountdownEvent(Producers);
        var activated = new TaskCompletionSource();
        var producers = streams.Select((records, k) => Task.Run(async () =>
        {
            var ingest = grid.Client.GetGrain<IIngestGrain>(100 + k);
            var batches = records.Chunk(5).ToList();
            for (var b = 0; b < batches.Count; b++)
            {
                if (b == batches.Count / 2)
                {
                    halfway.Signal();
                    await activated.Task;
                }

                await ingest.IngestAsync(batches[b]);
            }
        })).ToList();

        // Mid-stream: once every producer is halfway, activate the second rule set and let them go on at once.
        await Task.Run(() => halfway.Wait(TimeSpan.FromMinutes(2)));
        var domainGrain = grid.Client.GetGrain<IDomainGrain>(domain);
        Assert.Equal(RuleSetOutcome.Done, (await domainGrain.SaveRuleSetDraftAsync([Loyalty, Email])).Outcome);
        Assert.Equal(RuleSetOutcome.Done, (await domainGrain.ActivateRuleSetAsync()).Outcome);
        activated.SetResult();
        await Task.WhenAll(producers);

        var job = grid.Client.GetGrain<IResolutionJobGrain>(domain);
        var status = await Eventually.WaitAsync(() => job.GetStatusAsync().AsTask(),
            s => s.Version == 2 && s.State is ResolutionJobStatus.Succeeded or ResolutionJobStatus.Failed, TimeSpan.FromMinutes(2), "the re-resolution pass to end");
        Assert.Equal(ResolutionJobStatus.Succeeded, status.State);

        // Every traveller of a person in one live profile; different people in different profiles.
        var profileOf = new Dictionary<string, string>();
        foreach (var t in travellers)
        {
            profileOf[t.Traveller] = (await grid.Client.GetGrain<IIdentifierGrain>(GrainKeys.Identifier(domain, IdentifierKinds.Traveller, t.Traveller)).ResolveAsync())!;
        }

        foreach (var p in people)
        {
            Assert.Single(Travellers(p).Select(t => profileOf[t.Traveller]).Distinct());
        }

        Assert.Equal(People, profileOf.Values.Distinct().Count());
        Assert.Equal(People, await ScalarAsync("SELECT count(*) FROM upt_profiles WHERE domain = @d AND merged_into IS NULL", domain));
        // Exactly one row per traveller id, each pointing at a live profile.
        Assert.Equal(People * 5, await ScalarAsync("""
            SELECT count(*) FROM upt_travellers t JOIN upt_profiles p ON p.domain = t.domain AND p.profile_id = t.profile_id
            WHERE t.domain = @d AND p.merged_into IS NULL
            """, domain));
        Assert.Equal(People * 5, await ScalarAsync("SELECT count(*) FROM upt_travellers WHERE domain = @d", domain));
        // Objects: per traveller one guest_profile and one email_history, plus a hotel_loyalty where it has one; none lost
        // or doubled, and each on its traveller's (that is its person's) profile.
        Assert.Equal(People * 14, await ScalarAsync("SELECT count(*) FROM upt_objects WHERE domain = @d", domain));
        Assert.Equal(0, await ScalarAsync("""
            SELECT count(*) FROM upt_objects o JOIN upt_travellers t ON t.domain = o.domain AND t.traveller_id = o.traveller_id
            WHERE o.domain = @d AND o.profile_id <> t.profile_id
            """, domain));
        var info = await domainGrain.GetAsync();
        Assert.Equal(People, info!.Profiles);
        Assert.Equal(People * 14, info.Objects);
    }

    private async Task<long> ScalarAsync(string sql, string domain)
    {
        await using var cmd = grid.Database.CreateCommand(sql);
        cmd.Parameters.AddWithValue("d", domain);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
