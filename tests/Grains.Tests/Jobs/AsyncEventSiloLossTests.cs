using Upt.TestSupport;

namespace Upt.Grains.Tests.Jobs;

/// <summary>
/// The silo running a job is killed: the event reads failed from the surviving silo as soon as the cluster has declared
/// the dead silo gone (no "older than N minutes" rule), and stays failed.
/// </summary>
public sealed class AsyncEventSiloLossTests(JobClusterFixture jobs) : IClassFixture<JobClusterFixture>
{
    [Fact]
    public async Task A_job_whose_silo_died_reads_failed()
    {
        var id = Guid.NewGuid().ToString();
        var grain = jobs.Client.GetGrain<IAsyncEventGrain>(id);
        await grain.StartAsync(new AsyncJobRequest(TestJobs.GatedUseCase, "dom_a", []));
        await Eventually.WaitAsync(() => grain.GetAsync().AsTask(), v => v!.Progress == 0.5, TimeSpan.FromSeconds(30), "the job to run");
        var victim = jobs.Cluster.Silos.Single(s => s.SiloAddress.Equals(TestJobs.RunningOn[id]));

        await jobs.Cluster.KillSiloAsync(victim);

        // Calls to the dead silo fail until the survivor declares it dead; then the event activates on the survivor.
        var failed = await Eventually.WaitAsync(
            async () =>
            {
                try
                {
                    return await grain.GetAsync();
                }
                catch (Exception ex) when (ex is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException)
                {
                    return null;
                }
            },
            v => v is { Status: AsyncEventStatus.Failed },
            TimeSpan.FromSeconds(60),
            "the event to read failed");
        Assert.Equal("the job stopped before it finished: the silo running it went away", failed!.Error);
        Assert.Equal(failed, await grain.GetAsync());
    }
}
