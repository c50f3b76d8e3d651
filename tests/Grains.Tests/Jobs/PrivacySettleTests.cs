using Upt.Storage;

namespace Upt.Grains.Tests.Jobs;

/// <summary>
/// Privacy rows left pending by a job that ended without settling them (its silo died mid-purge) read failed, with the
/// event's reason, and no longer say a purge is running; rows of a job that still runs stay as they are.
/// </summary>
public sealed class PrivacySettleTests(JobClusterFixture jobs) : IClassFixture<JobClusterFixture>
{
    [Fact]
    public async Task Rows_of_an_event_that_ended_become_failed_and_the_purge_no_longer_runs()
    {
        var domain = "s" + Guid.NewGuid().ToString("N")[..20];
        var store = new PrivacyStore(jobs.Database);
        var (lost, live) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        var (lostId, liveId) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        await store.BeginPurgeAsync(domain, [lostId], lost, "officer", "tx-1", PrivacyStatuses.PurgeInvoked);
        await store.ReplaceLocationsAsync(domain, lostId, lost, [new PrivacyLocation(PrivacyLocationTypes.ProfileStorage, $"profile {lostId}")], PrivacyStatuses.PurgeRunning);
        await jobs.Client.GetGrain<IAsyncEventGrain>(lost).RecordAsync(AsyncUseCases.PurgeProfileData, domain, "the job stopped before it finished: the silo running it went away");
        await store.BeginPurgeAsync(domain, [liveId], live, "officer", "tx-2", PrivacyStatuses.PurgeInvoked);
        var gate = TestJobs.Gates.GetOrAdd(live, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await jobs.Client.GetGrain<IAsyncEventGrain>(live).StartAsync(new AsyncJobRequest(TestJobs.GatedUseCase, domain, []));
        var privacy = jobs.Client.GetGrain<IPrivacyGrain>(domain);

        Assert.True(await privacy.IsPurgeRunningAsync());
        var settled = await privacy.GetAsync(lostId);
        Assert.Equal((PrivacyStatuses.PurgeFailed, "the job stopped before it finished: the silo running it went away"), (settled!.Status, settled.ErrorMessage));
        Assert.Equal([(PrivacyStatuses.PurgeFailed, "the job stopped before it finished: the silo running it went away")],
            settled.Locations.Select(l => (l.Status, l.ErrorMessage)));
        Assert.Equal(PrivacyStatuses.PurgeInvoked, (await privacy.GetAsync(liveId))!.Status);

        gate.SetResult();
        await Upt.TestSupport.Eventually.WaitAsync(() => jobs.Client.GetGrain<IAsyncEventGrain>(live).GetAsync().AsTask(),
            v => v!.Status == AsyncEventStatus.Success, TimeSpan.FromSeconds(30), "the live job to end");
        Assert.False(await privacy.IsPurgeRunningAsync());
        Assert.Equal((PrivacyStatuses.PurgeFailed, "the job ended without recording this result"),
            ((await privacy.GetAsync(liveId))!.Status, (await privacy.GetAsync(liveId))!.ErrorMessage));
    }
}
