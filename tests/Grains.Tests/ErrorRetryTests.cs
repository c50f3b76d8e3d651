using System.Text;
using System.Text.Json.Nodes;
using Upt.Grains.Errors;
using Upt.Grains.Profiles;
using Upt.TestSupport;

namespace Upt.Grains.Tests;

/// <summary>Retries of error records from their raw record: backoff, at most three attempts, each counted on the record.</summary>
[Collection(ErrorMaintenanceCollection.Name)]
public sealed class ErrorRetryTests(ErrorMaintenanceFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly MaintenancePass Nothing = new(0, 0, 0, 0);

    [Fact]
    public async Task A_storage_failure_is_retried_after_a_transient_failure_and_the_record_goes_when_the_retry_succeeds()
    {
        var domain = await fixture.NewDomainAsync();
        var traveller = $"RT-{Guid.NewGuid():N}"[..16];
        var id = await ErrorRows.InsertAsync(fixture.Database, domain, RetryableCategories.StorageIngestion, GuestEnvelope(domain, traveller));
        fixture.Resubmissions.Fail(id, times: 1);

        // What a tick of the scheduler does; the timer then runs the attempts as they fall due.
        await Maintenance(domain).RunAsync();

        await Eventually.WaitAsync(() => ErrorRows.ListAsync(fixture.Database, domain), rows => rows.Count == 0, Timeout, "the retried record to go");
        Assert.Equal(2, fixture.Resubmissions.Calls(id));
        Assert.Null(await ErrorRows.LedgerAsync(fixture.Database, domain, id));
        Assert.Equal(0, await ErrorRows.CounterAsync(fixture.Database, domain));
        var profile = await fixture.Client.GetGrain<IProfileGrain>(GrainKeys.Profile(domain, ProfileIds.ForTraveller(domain, traveller))).GetAsync(ProfileQuery.FieldsOnly);
        Assert.Equal([traveller], profile!.TravellerIds);
    }

    [Fact]
    public async Task A_record_that_keeps_failing_is_tried_three_times_each_attempt_counted_on_it_then_left_alone()
    {
        var domain = await fixture.NewDomainAsync();
        var id = await ErrorRows.InsertAsync(fixture.Database, domain, RetryableCategories.StorageIngestion, GuestEnvelope(domain, "RT-always-failing"));
        fixture.Resubmissions.Fail(id, int.MaxValue);

        await Maintenance(domain).RunAsync();
        await Eventually.WaitAsync(() => ErrorRows.LedgerAsync(fixture.Database, domain, id), l => l is { Attempts: 3, NextAttemptAt: null }, Timeout, "the third attempt");

        // Passes after the last attempt (they queue behind one still running) attempt nothing more.
        Assert.Equal(Nothing, await Maintenance(domain).RunAsync());
        Assert.Equal(Nothing, await Maintenance(domain).RunAsync());
        Assert.Equal(3, fixture.Resubmissions.Calls(id));
        var row = Assert.Single(await ErrorRows.ListAsync(fixture.Database, domain));
        Assert.Equal((id, 3), (row.Id, row.RetryCount));
        var ledger = await ErrorRows.LedgerAsync(fixture.Database, domain, id);
        Assert.Equal($"TimeoutException: {ScriptedResubmitter.Failure}", ledger!.LastFailure);
        Assert.InRange(ledger.ExpiresAt - row.LastRetryAt!.Value, TimeSpan.FromMinutes(59), ErrorMaintenanceFixture.Options.LedgerTtl);
        Assert.Equal(1, await ErrorRows.CounterAsync(fixture.Database, domain));
        var listed = Assert.Single((await fixture.Client.GetGrain<IDomainGrain>(domain).ListErrorsAsync(0, 10)).Items);
        Assert.Equal((3, row.LastRetryAt), (listed.RetryCount, listed.LastRetryAt));
    }

    [Fact]
    public async Task A_retry_the_pipeline_rejects_again_is_counted_on_the_original_record_not_listed_as_a_new_one()
    {
        var domain = await fixture.NewDomainAsync();
        var notABooking = Envelopes.Envelope(domain, "air_booking", new JsonObject { ["id"] = "B1" }).ToJsonString();
        var id = await ErrorRows.InsertAsync(fixture.Database, domain, RetryableCategories.StorageIngestion, notABooking);

        await Maintenance(domain).RunAsync();
        await Eventually.WaitAsync(() => ErrorRows.LedgerAsync(fixture.Database, domain, id), l => l is { Attempts: 3, NextAttemptAt: null }, Timeout, "the third attempt");
        await Maintenance(domain).RunAsync();

        var row = Assert.Single(await ErrorRows.ListAsync(fixture.Database, domain));
        Assert.Equal((id, RetryableCategories.StorageIngestion, 3), (row.Id, row.Category, row.RetryCount));
        Assert.Equal("transformer_exception: ('Invalid Business object of type', 'air_booking')", (await ErrorRows.LedgerAsync(fixture.Database, domain, id))!.LastFailure);
        Assert.Equal(1, await ErrorRows.CounterAsync(fixture.Database, domain));
    }

    [Fact]
    public async Task Transform_rejections_are_not_retried_automatically_but_an_operator_may_retry_one()
    {
        var domain = await fixture.NewDomainAsync();
        var traveller = $"RT-{Guid.NewGuid():N}"[..16];
        var id = await ErrorRows.InsertAsync(fixture.Database, domain, "transformer_exception", GuestEnvelope(domain, traveller));

        Assert.Equal(Nothing, await Maintenance(domain).RunAsync());
        Assert.Null(await ErrorRows.LedgerAsync(fixture.Database, domain, id));
        Assert.Equal(0, fixture.Resubmissions.Calls(id));

        Assert.Equal(new ErrorRetryOutcome(id, 1, true, ""), await Maintenance(domain).RetryAsync(id));
        Assert.Empty(await ErrorRows.ListAsync(fixture.Database, domain));
        Assert.Null(await ErrorRows.LedgerAsync(fixture.Database, domain, id));
        Assert.Equal(0, await ErrorRows.CounterAsync(fixture.Database, domain));
        Assert.Null(await Maintenance(domain).RetryAsync(id));
    }

    [Fact]
    public async Task A_raw_record_of_another_domain_is_never_ingested_by_a_retry()
    {
        var domain = await fixture.NewDomainAsync();
        var other = await fixture.NewDomainAsync();
        var id = await ErrorRows.InsertAsync(fixture.Database, domain, "transformer_exception", GuestEnvelope(other, "RT-elsewhere"));

        Assert.Equal(new ErrorRetryOutcome(id, 1, false, $"the raw record is not an envelope of domain {domain}"), await Maintenance(domain).RetryAsync(id));
        Assert.Equal(0, fixture.Resubmissions.Calls(id));
        Assert.Equal(0, (await fixture.Client.GetGrain<IDomainGrain>(other).GetAsync())!.Profiles);
    }

    [Fact]
    public async Task Records_older_than_the_domains_retention_are_purged_by_the_periodic_pass()
    {
        var domain = await fixture.NewDomainAsync(new DomainSettings { ErrorRetentionDays = 3 });
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var bad = Encoding.UTF8.GetBytes(Envelopes.Envelope(domain, "air_booking", new JsonObject { ["id"] = "B2" }).ToJsonString());
        var summary = await fixture.Client.GetGrain<IIngestGrain>(0).IngestAsync(
        [
            new RawRecord($"test/old/{Guid.NewGuid():N}", bad, now.AddDays(-4)),
            new RawRecord($"test/recent/{Guid.NewGuid():N}", bad, now.AddDays(-2)),
        ]);
        Assert.Equal(2, summary.Errors);
        Assert.Equal(2, await ErrorRows.CounterAsync(fixture.Database, domain));

        // No call here: the scheduler's reminder gives every domain a pass each second in this cluster.
        await Eventually.WaitAsync(() => ErrorRows.ListAsync(fixture.Database, domain), rows => rows.Count == 1, Timeout, "the old record to be purged");
        var kept = Assert.Single((await fixture.Client.GetGrain<IDomainGrain>(domain).ListErrorsAsync(0, 10)).Items);
        Assert.Equal(now.AddDays(-2), kept.CreatedAt);
        Assert.Equal(1, await ErrorRows.CounterAsync(fixture.Database, domain));
    }

    [Fact]
    public async Task A_domain_without_retention_keeps_its_records()
    {
        var domain = await fixture.NewDomainAsync(new DomainSettings { ErrorRetentionDays = 0 });
        var id = await ErrorRows.InsertAsync(fixture.Database, domain, "transformer_exception", "{}", DateTimeOffset.UtcNow.AddDays(-30));

        Assert.Equal(Nothing, await Maintenance(domain).RunAsync());

        Assert.Equal(id, Assert.Single(await ErrorRows.ListAsync(fixture.Database, domain)).Id);
    }

    [Fact]
    public async Task Deleting_one_record_and_then_all_keeps_the_errors_counter_exact()
    {
        var domain = await fixture.NewDomainAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await ErrorRows.InsertAsync(fixture.Database, domain, "transformer_exception", "{}"));
        }

        Assert.True(await Maintenance(domain).DeleteAsync(ids[0]));
        Assert.False(await Maintenance(domain).DeleteAsync(ids[0]));
        Assert.Equal(2, await ErrorRows.CounterAsync(fixture.Database, domain));
        Assert.Equal(2, await Maintenance(domain).DeleteAllAsync());
        Assert.Empty(await ErrorRows.ListAsync(fixture.Database, domain));
        Assert.Equal(0, await ErrorRows.CounterAsync(fixture.Database, domain));
        Assert.Equal(0, (await fixture.Client.GetGrain<IDomainGrain>(domain).GetAsync())!.Errors);
    }

    private IErrorMaintenanceGrain Maintenance(string domain) => fixture.Client.GetGrain<IErrorMaintenanceGrain>(domain);

    private static string GuestEnvelope(string domain, string traveller) =>
        Envelopes.Envelope(domain, "guest_profile", Envelopes.GuestProfile(traveller, "Ada", "Lovelace", $"{traveller}@example.com", "2024-01-01T00:00:00.000Z")).ToJsonString();
}
