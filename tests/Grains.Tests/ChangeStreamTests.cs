using System.Collections.Concurrent;
using Orleans.Streams;
using Upt.Grains.Profiles;
using Upt.TestSupport;

namespace Upt.Grains.Tests;

/// <summary>A client subscribes to a domain's change stream and sees CREATED and UPDATED events after ingestion.</summary>
[Collection(GridCollection.Name)]
public sealed class ChangeStreamTests(GridFixture grid)
{
    [Fact]
    public async Task Subscriber_sees_created_then_updated_events()
    {
        var domain = await grid.NewDomainAsync();
        var received = new ConcurrentQueue<ProfileChangeEvent>();
        var stream = grid.Client.GetStreamProvider(ChangeStreams.ProviderName).GetStream<ProfileChangeEvent>(ChangeStreams.ForDomain(domain));
        var handle = await stream.SubscribeAsync((e, _) =>
        {
            received.Enqueue(e);
            return Task.CompletedTask;
        });
        var ingest = grid.Client.GetGrain<IIngestGrain>(0);
        var profileId = ProfileIds.ForTraveller(domain, "C1");

        await ingest.IngestAsync([Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("C1", "CARA", "LEE", "c1@example.com", "2024-01-01T00:00:00.000Z")))]);
        await ingest.IngestAsync([Envelopes.Raw(Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile("C1", "CARA", "LEE", "c2@example.com", "2024-01-02T00:00:00.000Z")))]);

        await Eventually.WaitAsync(() => Task.FromResult(received.Count), n => n >= 4, TimeSpan.FromSeconds(20), "4 change events");
        await handle.UnsubscribeAsync();
        var events = received.Select(e => (e.Kind, e.ProfileId, e.ObjectType, e.ObjectId)).ToList();
        Assert.Equal(
            [
                (ChangeKind.Created, profileId, "guest_profile", "C1"),
                (ChangeKind.Updated, profileId, "email_history", "personalc1@example.com"),
                (ChangeKind.Updated, profileId, "guest_profile", "C1"),
                (ChangeKind.Updated, profileId, "email_history", "personalc2@example.com"),
            ],
            events);
    }
}
